package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespasim.Faults;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/search} end to end: events published on the catalog topics, fed by the service
 * into vespa-sim, searched through the service with user JWTs. Each test has users of its own.
 */
@IntegrationTest
class SearchIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LoaderApp app;

  @BeforeAll
  static void start() {
    app = LoaderApp.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void resultsComeOnlyFromTheCallersGroup() {
    String ana = user();
    String bo = user();
    fed(email(ana, "a1", "Quarterly budget review"), email(bo, "b1", "Quarterly budget review"));

    JsonNode anas = search(ana, "q=budget").json();
    JsonNode bos = search(bo, "q=budget").json();

    assertThat(ids(anas)).containsExactly("google_a1");
    assertThat(anas.path("total").asLong()).isEqualTo(1);
    assertThat(ids(bos)).containsExactly("google_b1");
  }

  @Test
  void aDeletedItemIsNotFound() {
    String ana = user();
    EmailEvent created = email(ana, "m1", "Offsite budget");
    fed(created, email(ana, "m2", "Offsite agenda"));
    assertThat(ids(search(ana, "q=offsite").json())).hasSize(2);

    app.publish(Events.withOperation(created, Operation.DELETE));
    await().atMost(WAIT).until(() -> Documents.liveOfUser(app.sim(), ana).size() == 1);

    JsonNode found = search(ana, "q=offsite").json();
    assertThat(ids(found)).containsExactly("google_m2");
    assertThat(found.path("total").asLong()).isEqualTo(1);
    assertThat(ids(search(ana, "q=budget").json())).isEmpty();
  }

  @Test
  void aQueryFullOfYqlIsSearchedAsText() {
    String ana = user();
    String bo = user();
    fed(
        email(ana, "m1", "Where is the Zürich café? select it; 1=1"),
        email(bo, "m1", "true or userQuery where select"));

    Reply hostile = search(ana, "q=" + encode("\" or true) or userQuery() where 1=1; --"));
    Reply unicode = search(ana, "q=" + encode("zürich CAFÉ"));
    Reply words = search(ana, "q=" + encode("where select; 1=1"));
    Reply injected = search(ana, "q=" + encode("x\") or sddocname contains \"email"));

    assertThat(hostile.status()).isEqualTo(200);
    assertThat(ids(hostile.json())).isEmpty();
    assertThat(ids(unicode.json())).containsExactly("google_m1");
    assertThat(ids(words.json())).containsExactly("google_m1");
    assertThat(injected.status()).isEqualTo(200);
    assertThat(ids(injected.json())).isEmpty();
  }

  @Test
  void hitsAreTypedAndHighlighted() {
    String ana = user();
    fed(
        email(ana, "m1", "Send the deck"),
        EventFixtures.todoEvent(ana, "t1"),
        EventFixtures.documentEvent(ana, "d1"));

    JsonNode page = search(ana, "q=deck").json();
    JsonNode todos = search(ana, "q=deck&types=todo").json();

    assertThat(types(page)).containsExactlyInAnyOrder("email", "todo");
    assertThat(types(todos)).containsExactly("todo");
    JsonNode email = hitOfType(page, "email");
    assertThat(email.path("title").asString()).isEqualTo("Send the deck");
    assertThat(email.path("details").path("from").asString()).isEqualTo("ana@example.com");
    assertThat(email.path("highlights").path("title").toString())
        .contains("{\"text\":\"deck\",\"match\":true}");
    assertThat(email.has("content")).isFalse();
    assertThat(ids(search(ana, "q=roadmap&types=document,calendar").json()))
        .containsExactly("google_d1");
  }

  @Test
  void aCursorReadsTheNextPageForItsUserAndQueryOnly() {
    String ana = user();
    String bo = user();
    fed(email(ana, "m1", "plan one"), email(ana, "m2", "plan two"), email(bo, "m1", "plan bo"));

    JsonNode first = search(ana, "q=plan&limit=1").json();
    String cursor = first.path("next_cursor").asString();
    JsonNode second = search(ana, "q=plan&limit=1&cursor=" + cursor).json();

    assertThat(ids(first)).hasSize(1);
    assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    assertThat(second.path("next_cursor").asString(null)).isNull();
    assertProblem(search(bo, "q=plan&limit=1&cursor=" + cursor), 400, "invalid_cursor");
    assertProblem(search(ana, "q=other&limit=1&cursor=" + cursor), 400, "invalid_cursor");
    assertProblem(search(ana, "q=plan&limit=1&cursor=AAAA" + cursor), 400, "invalid_cursor");
  }

  @Test
  void anUnknownTypeIsRefusedWithTheOffendingNames() {
    Reply reply = search(user(), "q=x&types=email,spam,sddocname");

    assertProblem(reply, 400, "invalid_types");
    assertThat(reply.json().path("offending").toString()).isEqualTo("[\"spam\",\"sddocname\"]");
  }

  @Test
  void aMissingQueryOrABadLimitIsRefused() {
    String ana = user();

    assertProblem(search(ana, ""), 400, "invalid_query");
    assertProblem(search(ana, "q=" + "a".repeat(300)), 400, "invalid_query");
    assertProblem(search(ana, "q=x&limit=0"), 400, "invalid_limit");
    assertProblem(search(ana, "q=x&limit=51"), 400, "invalid_limit");
    assertProblem(search(ana, "q=x&limit=ten"), 400, "invalid_limit");
  }

  @Test
  void withoutAValidUserTokenTheAnswerIs401() {
    Reply none = get("/v1/search?q=budget", null);
    Reply forged = get("/v1/search?q=budget", "not-a-jwt");
    Reply serviceToken = get("/v1/search?q=budget", LoaderApp.SERVICE_TOKEN);

    assertProblem(none, 401, "unauthorized");
    assertProblem(forged, 401, "unauthorized");
    assertProblem(serviceToken, 401, "unauthorized");
  }

  @Test
  void vespaFailingIsA503NotAnEmptyResult() {
    String ana = user();
    app.sim().setFaults(new Faults(1.0, List.of(503), 0));
    try {
      assertProblem(search(ana, "q=budget"), 503, "search_unavailable");
    } finally {
      app.sim().setFaults(Faults.none());
    }
  }

  @Test
  void theVipPagesOriginMayAskFromABrowserAndOthersMayNot() throws Exception {
    HttpResponse<Void> page = preflight("http://127.0.0.1:8083");
    HttpResponse<Void> stranger = preflight("https://evil.example");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://127.0.0.1:8083");
    assertThat(stranger.statusCode()).isEqualTo(403);
  }

  private static HttpResponse<Void> preflight(String origin) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/search?q=x"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding());
  }

  private static void fed(dev.officeflow.events.DataEvent<?>... events) {
    long before = app.sim().stats().puts();
    app.publishAll(List.of(events));
    await().atMost(WAIT).until(() -> app.sim().stats().puts() >= before + events.length);
  }

  private static EmailEvent email(String user, String id, String subject) {
    return Events.emailAt(user, id, subject, Instant.now());
  }

  private static String user() {
    return "u-" + UUID.randomUUID();
  }

  private static Reply search(String user, String query) {
    return get("/v1/search?" + query, app.jwks().token(user));
  }

  private static Reply get(String path, @Nullable String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Reply(int status, JsonNode json) {}

  private static void assertProblem(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(status);
    assertThat(reply.json().path("code").asString()).isEqualTo(code);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("hits").values().forEach(hit -> ids.add(hit.path("id").asString()));
    return ids;
  }

  private static List<String> types(JsonNode page) {
    List<String> types = new ArrayList<>();
    page.path("hits").values().forEach(hit -> types.add(hit.path("type").asString()));
    return types;
  }

  private static JsonNode hitOfType(JsonNode page, String type) {
    for (JsonNode hit : page.path("hits").values()) {
      if (hit.path("type").asString().equals(type)) {
        return hit;
      }
    }
    throw new AssertionError("no " + type + " hit in " + page);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
