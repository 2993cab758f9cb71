package dev.officeflow.graphsim.account;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A simulator with one or two accounts and an HTTP client that speaks to Graph the way the SDK does
 * ({@code %24}-encoded query names, {@code Prefer} headers), for the resources' tests.
 */
public final class ResourceRig implements AutoCloseable {

  public static final String ALICE = "alice@contoso.test";
  public static final String BOB = "bob@contoso.test";
  public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public final MutableClock clock = new MutableClock(NOW);
  public final GraphSim sim;

  public ResourceRig(AccountSpec... accounts) {
    this(GraphSimConfig.defaults(), accounts);
  }

  public ResourceRig(GraphSimConfig base, AccountSpec... accounts) {
    GraphSimConfig config = base.withClock(clock).withPort(0).withThreads(4);
    for (AccountSpec a : accounts) {
      config = config.withAccount(a);
    }
    sim = GraphSim.start(config);
  }

  /** Alice: 150 recent + 50 older messages, 30 + 10 events, 25 contacts, every default grant. */
  public static AccountSpec alice() {
    return AccountSpec.of(ALICE)
        .withDisplayName("Alice Smith")
        .withMailbox(11, 150, 50, 30, 10)
        .withContacts(25);
  }

  public static AccountSpec bob() {
    return AccountSpec.of(BOB).withMailbox(12, 20, 5, 5, 1).withContacts(3);
  }

  public GraphAccount account(String email) {
    return sim.accounts().byEmail(email).orElseThrow();
  }

  public String token(String email) {
    return sim.admin().issueTokens(email).accessToken();
  }

  public String token(String email, Set<String> scopes) {
    return sim.admin().issueTokens(email, scopes).accessToken();
  }

  /** GET {@code <graphUrl><path>}, e.g. {@code /me/messages?%24top=5}. */
  public HttpResponse<String> get(String path, String token, String... headers) {
    return getUrl(sim.graphUrl() + path, token, headers);
  }

  /** GET an absolute URL (a nextLink or deltaLink). */
  public HttpResponse<String> getUrl(String url, String token, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    b.header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public HttpResponse<String> post(String path, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.graphUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  /** A call to the admin API ({@code /admin/...}), no token. */
  public HttpResponse<String> admin(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "admin/" + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Every item of a listing, following {@code @odata.nextLink} to the end. */
  public List<JsonNode> all(String path, String token, String... headers) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode page = json(get(path, token, headers));
    page.get("value").forEach(out::add);
    while (page.has("@odata.nextLink")) {
      page = json(getUrl(page.get("@odata.nextLink").asString(), token, headers));
      page.get("value").forEach(out::add);
    }
    return out;
  }

  /** One delta round from {@code url}: its entries and the deltaLink that ends it. */
  public record Round(List<JsonNode> entries, String deltaLink, int pages) {
    public Set<String> ids() {
      Set<String> ids = new HashSet<>();
      entries.forEach(e -> ids.add(e.get("id").asString()));
      return ids;
    }
  }

  public Round round(String url, String token, String... headers) {
    List<JsonNode> out = new ArrayList<>();
    int pages = 0;
    JsonNode page = json(getUrl(url, token, headers));
    while (true) {
      pages++;
      page.get("value").forEach(out::add);
      if (!page.has("@odata.nextLink")) {
        return new Round(out, page.get("@odata.deltaLink").asString(), pages);
      }
      page = json(getUrl(page.get("@odata.nextLink").asString(), token, headers));
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "expected 200, got " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  public static JsonNode body(HttpResponse<String> response) {
    return Json.MAPPER.readTree(response.body());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sim.close();
  }
}
