package dev.officeflow.contacts.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The onboarding API over HTTP with user tokens signed like the user service's. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingApiIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(2));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private ContactsApp app;
  private final MailEvents alice = new MailEvents("u-alice", "alice@acme.test");
  private final MailEvents bob = new MailEvents("u-bob", "bob@other.test");

  @BeforeAll
  void start() {
    app = ContactsApp.start("contacts_api");
    List<OfficeEvent> events = new ArrayList<>();
    events.addAll(correspondence(alice, "friend", 25));
    events.addAll(correspondence(bob, "pal", 3));
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(EventType.EMAIL) >= events.size());
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void limitOutsideOneToHundredIsRefusedWithAMessage() throws Exception {
    for (String limit : List.of("0", "101", "ten")) {
      HttpResponse<String> response = get("/onboarding/vips?limit=" + limit, token(alice));

      assertThat(response.statusCode()).isEqualTo(400);
      assertProblem(response, 400, "invalid_limit");
      assertThat(json(response).path("detail").asString()).contains("1 to 100");
      assertThat(json(response).path("instance").asString()).isEqualTo("/onboarding/vips");
    }
  }

  @Test
  void candidatesAreRankedAndLimited() throws Exception {
    JsonNode body = json(get("/onboarding/vips?limit=5", token(alice)));

    assertThat(body.path("candidates")).hasSize(5);
    assertThat(body.path("candidates").get(0).path("rank").asInt()).isEqualTo(1);
    assertThat(body.path("candidates").get(0).path("score").asDouble())
        .isGreaterThanOrEqualTo(body.path("candidates").get(4).path("score").asDouble());
    assertThat(body.path("candidates").get(0).path("factors").path("two_way").asBoolean()).isTrue();
  }

  @Test
  void requestWithoutTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response = get("/onboarding/vips", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertProblem(response, 401, "unauthorized");
  }

  @Test
  void tokenForAnotherAudienceIsUnauthorized() throws Exception {
    String token =
        app.jwks()
            .token(alice.userId(), TestJwks.ISSUER, List.of("elsewhere"), Duration.ofMinutes(5));

    assertThat(get("/onboarding/vips", token).statusCode()).isEqualTo(401);
  }

  @Test
  void usersSeeOnlyTheirOwnCandidates() throws Exception {
    List<String> aliceHashes = hashes(alice, 100);
    List<String> bobHashes = hashes(bob, 100);

    assertThat(aliceHashes).hasSize(25);
    assertThat(bobHashes).hasSize(3).doesNotContainAnyElementsOf(aliceHashes);
  }

  @Test
  void selectionOfMoreThanTwentyIsRefused() throws Exception {
    HttpResponse<String> response = select(alice, hashes(alice, 21));

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response, 400, "invalid_selection");
    assertThat(json(response).path("detail").asString()).contains("at most 20");
  }

  @Test
  void unknownOrForeignHashIsRefusedNamedAndTheOldSelectionStays() throws Exception {
    List<String> mine = hashes(alice, 3);
    assertThat(select(alice, mine).statusCode()).isEqualTo(200);
    String foreign = hashes(bob, 1).get(0);
    String unknown = "0".repeat(64);

    HttpResponse<String> response = select(alice, List.of(mine.get(0), foreign, unknown));

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response, 400, "invalid_selection");
    assertThat(json(response).path("offending").toString()).contains(foreign, unknown);
    assertThat(savedSelection(alice)).containsExactlyElementsOf(mine);
  }

  @Test
  void duplicateHashesAreRefused() throws Exception {
    String one = hashes(alice, 1).get(0);

    HttpResponse<String> response = select(alice, List.of(one, one));

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response, 400, "invalid_selection");
    assertThat(json(response).path("offending").toString()).contains(one);
  }

  @Test
  void unreadableSelectionIsAnInvalidRequest() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips/selection"))
                .header("Authorization", "Bearer " + token(alice))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contact_hashes\": 7"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response, 400, "invalid_request");
  }

  @Test
  void aPathBesideTheApiIsANotFoundProblemForAUser() throws Exception {
    HttpResponse<String> response = get("/onboarding/elsewhere", token(alice));

    assertThat(response.statusCode()).isEqualTo(404);
    assertProblem(response, 404, "not_found");
  }

  @Test
  void usersSeeOnlyTheirOwnSelection() throws Exception {
    List<String> bobs = hashes(bob, 2);
    assertThat(select(bob, bobs).statusCode()).isEqualTo(200);

    assertThat(savedSelection(bob)).containsExactlyElementsOf(bobs);
    assertThat(savedSelection(alice)).doesNotContainAnyElementsOf(bobs);
  }

  @Test
  void statusReportsContactsOfAConnectedUser() throws Exception {
    JsonNode status = json(get("/onboarding/vips/status", token(alice)));

    assertThat(status.path("connected").asBoolean()).isTrue();
    assertThat(status.path("contacts").asLong()).isEqualTo(25);
    assertThat(status.path("step").asString()).isIn("backfilling", "ready", "selected");
  }

  @Test
  void statusOfAnUnknownUserIsNotConnected() throws Exception {
    JsonNode status = json(get("/onboarding/vips/status", app.jwks().token("u-nobody")));

    assertThat(status.path("step").asString()).isEqualTo("not_connected");
  }

  private List<OfficeEvent> correspondence(MailEvents user, String name, int people) {
    List<OfficeEvent> events = new ArrayList<>();
    IntStream.range(0, people)
        .forEach(
            i -> {
              String other = name + i + "@example.org";
              for (int k = 0; k <= i % 3; k++) {
                events.add(
                    user.email(name + i + "-in" + k, other, List.of(user.account()), List.of(), T));
              }
              events.add(
                  user.email(name + i + "-out", user.account(), List.of(other), List.of(), T));
            });
    return events;
  }

  private List<String> hashes(MailEvents user, int limit) throws Exception {
    List<String> out = new ArrayList<>();
    json(get("/onboarding/vips?limit=" + limit, token(user)))
        .path("candidates")
        .forEach(c -> out.add(c.path("contact_hash").asString()));
    return out;
  }

  private List<String> savedSelection(MailEvents user) throws Exception {
    List<String> out = new ArrayList<>();
    json(get("/onboarding/vips/selection", token(user)))
        .path("contact_hashes")
        .forEach(h -> out.add(h.asString()));
    return out;
  }

  private HttpResponse<String> select(MailEvents user, List<String> hashes) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("contact_hashes", hashes));
    return http.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/onboarding/vips/selection"))
            .header("Authorization", "Bearer " + token(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, @Nullable String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(MailEvents user) {
    return app.jwks().token(user.userId());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** An RFC 9457 problem with the shared members and {@code code}. */
  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("type").asString()).isEqualTo("urn:officeflow:problem:" + code);
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
  }
}
