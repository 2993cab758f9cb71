package dev.officeflow.graphsim.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole path in a started simulator: subscribe over Graph, change over the admin API. */
class SubscriptionsThroughGraphSimTest {

  private static final String ALICE = "alice@northwind.test";

  private final MutableClock clock = MutableClock.at("2026-12-07T08:00:00Z");
  private final GraphSim sim =
      GraphSim.start(
          GraphSimConfig.defaults()
              .withPort(0)
              .withClock(clock)
              .withAccount(AccountSpec.of(ALICE).withMailbox(3, 6, 2, 3, 1).withContacts(2)));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    receiver.close();
    sim.close();
  }

  @Test
  void aMessageAddedThroughTheAdminApiIsNotifiedWithTheClientState() throws Exception {
    String token = sim.admin().issueTokens(ALICE).accessToken();
    var request =
        Json.object()
            .put("changeType", "created")
            .put("notificationUrl", receiver.notifyUrl())
            .put("lifecycleNotificationUrl", receiver.lifecycleUrl())
            .put("resource", "me/mailFolders('inbox')/messages")
            .put("expirationDateTime", clock.instant().plus(Duration.ofDays(2)).toString())
            .put("clientState", "a-secret-only-we-know");
    HttpResponse<String> created =
        send("POST", sim.graphUrl() + "/subscriptions", token, request.toString());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("request-id")).isPresent();

    HttpResponse<String> added =
        send(
            "POST",
            sim.baseUrl() + "admin/accounts/" + ALICE + "/messages",
            null,
            "{\"fromName\":\"Bob\",\"fromEmail\":\"bob@fabrikam.test\",\"subject\":\"Hi\"}");
    assertThat(added.statusCode()).isBetween(200, 201);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/notify").size() == 1);
    JsonNode n = receiver.notifications("/notify").get(0);
    assertThat(n.get("clientState").asString()).isEqualTo("a-secret-only-we-know");
    assertThat(n.get("subscriptionId").asString())
        .isEqualTo(Json.MAPPER.readTree(created.body()).get("id").asString());
    assertThat(n.get("resource").asString())
        .startsWith("Users/" + sim.admin().account(ALICE).id() + "/Messages/");
  }

  @Test
  void theAdminRoutesAreServedBySimulator() throws Exception {
    String token = sim.admin().issueTokens(ALICE).accessToken();
    var request =
        Json.object()
            .put("changeType", "updated")
            .put("notificationUrl", receiver.notifyUrl())
            .put("lifecycleNotificationUrl", receiver.lifecycleUrl())
            .put("resource", "me/events")
            .put("expirationDateTime", clock.instant().plus(Duration.ofDays(2)).toString());
    String id =
        Json.MAPPER
            .readTree(
                send("POST", sim.graphUrl() + "/subscriptions", token, request.toString()).body())
            .get("id")
            .asString();

    HttpResponse<String> sent =
        send(
            "POST",
            sim.baseUrl() + "admin/subscriptions/" + id + "/lifecycle",
            null,
            "{\"lifecycleEvent\":\"missed\"}");

    assertThat(sent.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> sim.subscriptions().stats().lifecycleSent().get("missed") == 1L);
    assertThat(receiver.notifications("/lifecycle"))
        .singleElement()
        .satisfies(n -> assertThat(n.get("lifecycleEvent").asString()).isEqualTo("missed"));
  }

  @Test
  void revokingConsentRemovesTheSubscriptionsWithSubscriptionRemoved() throws Exception {
    String id = subscribe("me/events");

    sim.admin().revokeConsent(ALICE);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/lifecycle").size() == 1);
    JsonNode removed = receiver.notifications("/lifecycle").get(0);
    assertThat(removed.get("lifecycleEvent").asString()).isEqualTo("subscriptionRemoved");
    assertThat(removed.get("subscriptionId").asString()).isEqualTo(id);
    assertThat(sim.subscriptions().forAccount(sim.admin().account(ALICE).id())).isEmpty();
  }

  @Test
  void resetForgetsTheSubscriptionsTheirCountsAndChangedSettings() throws Exception {
    subscribe("me/events");
    sim.subscriptions().updateSettings(s -> s.withReauthorizationLead(Duration.ofMinutes(5)));

    sim.admin().reset();

    assertThat(sim.subscriptions().list()).isEmpty();
    assertThat(sim.subscriptions().stats().created()).isZero();
    assertThat(sim.subscriptions().settings()).isEqualTo(sim.config().subscriptions());
  }

  @Test
  void theAdminStatsIncludeTheSubscriptions() throws Exception {
    subscribe("me/events");

    HttpResponse<String> stats = send("GET", sim.baseUrl() + "admin/stats", null, "");

    JsonNode subscriptions = Json.MAPPER.readTree(stats.body()).get("subscriptions");
    assertThat(subscriptions.get("created").asLong()).isEqualTo(1);
    assertThat(subscriptions.get("active").asLong()).isEqualTo(1);
  }

  /** Subscribes Alice's admin app to {@code resource} with both URLs; the subscription's id. */
  private String subscribe(String resource) throws IOException, InterruptedException {
    var request =
        Json.object()
            .put("changeType", "created,updated,deleted")
            .put("notificationUrl", receiver.notifyUrl())
            .put("lifecycleNotificationUrl", receiver.lifecycleUrl())
            .put("resource", resource)
            .put("expirationDateTime", clock.instant().plus(Duration.ofDays(2)).toString());
    String token = sim.admin().issueTokens(ALICE).accessToken();
    HttpResponse<String> created =
        send("POST", sim.graphUrl() + "/subscriptions", token, request.toString());
    assertThat(created.statusCode()).isEqualTo(201);
    return Json.MAPPER.readTree(created.body()).get("id").asString();
  }

  private HttpResponse<String> send(String method, String url, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
