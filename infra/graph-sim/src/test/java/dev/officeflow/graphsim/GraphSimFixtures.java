package dev.officeflow.graphsim;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Starts simulators with small accounts and calls them over HTTP, for the core's tests. */
public final class GraphSimFixtures {

  public static final String NOW = "2026-11-20T12:00:00Z";
  public static final String ALICE = "alice@acme.test";
  public static final String BOB = "bob@acme.test";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private GraphSimFixtures() {}

  /** A small account: a few messages, events and contacts, every default grant. */
  public static AccountSpec small(String email) {
    return AccountSpec.of(email).withMailbox(7, 12, 3, 4, 1).withContacts(3);
  }

  public static GraphSim start(MutableClock clock, AccountSpec... accounts) {
    return start(GraphSimConfig.defaults().withClock(clock), accounts);
  }

  public static GraphSim start(GraphSimConfig base, AccountSpec... accounts) {
    GraphSimConfig config = base.withPort(0).withThreads(8);
    for (AccountSpec a : accounts) {
      config = config.withAccount(a);
    }
    return GraphSim.start(config);
  }

  public static String token(GraphSim sim, String email) {
    return sim.admin().issueTokens(email).accessToken();
  }

  public static String token(GraphSim sim, String email, Set<String> scopes) {
    return sim.admin().issueTokens(email, scopes).accessToken();
  }

  /** GET {@code <base>path} with an optional bearer token. */
  public static HttpResponse<String> get(GraphSim sim, String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (!bearer.isEmpty()) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request.build());
  }

  /** A JSON request to {@code <base>path} without a token (the admin API). */
  public static HttpResponse<String> json(GraphSim sim, String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
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

  public static JsonNode body(HttpResponse<String> response) {
    return Json.MAPPER.readTree(response.body());
  }
}
