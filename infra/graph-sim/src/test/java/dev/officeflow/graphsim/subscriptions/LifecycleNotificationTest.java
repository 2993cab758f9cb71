package dev.officeflow.graphsim.subscriptions;

import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.graphsim.identity.Tenant;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Lifecycle notifications, sent before expiry and through the admin routes. */
class LifecycleNotificationTest {

  private final SubscriptionRig rig =
      new SubscriptionRig(
          s -> s.withReauthorizationLead(Duration.ofMinutes(30)).withSenderThreads(1));
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final String token = rig.token(ALICE);

  @AfterEach
  void stop() {
    receiver.close();
    rig.close();
  }

  @Test
  void reauthorizationRequiredArrivesWithinTheLeadBeforeExpiry() {
    String id = subscribe(Duration.ofHours(2));
    rig.clock.advance(Duration.ofMinutes(91));

    rig.subscriptions.sweep();

    JsonNode n = awaitLifecycle(1).get(0);
    assertThat(n.get("lifecycleEvent").asString()).isEqualTo("reauthorizationRequired");
    assertThat(n.get("subscriptionId").asString()).isEqualTo(id);
    assertThat(n.get("clientState").asString()).isEqualTo("secret-11");
    assertThat(n.get("tenantId").asString()).isEqualTo(Tenant.DEFAULT_ID);
    assertThat(n.has("changeType")).isFalse();
  }

  @Test
  void noReauthorizationRequiredBeforeTheLead() {
    String id = subscribe(Duration.ofHours(2));
    rig.clock.advance(Duration.ofMinutes(89));

    rig.subscriptions.sweep();

    // One sender delivers in order: a warning queued by the sweep would arrive before this.
    rig.subscriptions.lifecycle(id, LifecycleEvent.MISSED);
    assertThat(awaitLifecycle(1))
        .extracting(n -> n.get("lifecycleEvent").asString())
        .containsExactly("missed");
  }

  @Test
  void reauthorizationRequiredIsSentOncePerLifetime() {
    String id = subscribe(Duration.ofHours(2));
    rig.clock.advance(Duration.ofMinutes(91));
    rig.subscriptions.sweep();
    rig.clock.advance(Duration.ofMinutes(5));

    rig.subscriptions.sweep();

    rig.subscriptions.lifecycle(id, LifecycleEvent.MISSED);
    assertThat(awaitLifecycle(2))
        .extracting(n -> n.get("lifecycleEvent").asString())
        .containsExactly("reauthorizationRequired", "missed");
  }

  @Test
  void aRenewalWarnsAgainBeforeTheNewExpiry() {
    String id = subscribe(Duration.ofHours(2));
    rig.clock.advance(Duration.ofMinutes(91));
    rig.subscriptions.sweep();
    awaitLifecycle(1);
    String later = rig.now().plus(Duration.ofHours(1)).toString();
    rig.patch(
        "/subscriptions/" + id, rig.token(ALICE), Json.object().put("expirationDateTime", later));
    rig.clock.advance(Duration.ofMinutes(31));

    rig.subscriptions.sweep();

    assertThat(awaitLifecycle(2))
        .extracting(n -> n.get("lifecycleEvent").asString())
        .containsExactly("reauthorizationRequired", "reauthorizationRequired");
  }

  @Test
  void theAdminRouteSendsReauthorizationRequiredOnRequest() {
    String id = subscribe(Duration.ofHours(48));

    SubscriptionRig.Answer sent =
        rig.admin(
            "POST",
            "/admin/subscriptions/" + id + "/lifecycle",
            Json.object().put("lifecycleEvent", "reauthorizationRequired"));

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body().get("sent").asBoolean()).isTrue();
    assertThat(awaitLifecycle(1).get(0).get("lifecycleEvent").asString())
        .isEqualTo("reauthorizationRequired");
  }

  @Test
  void subscriptionRemovedIsSentAndTheSubscriptionIsGone() {
    String id = subscribe(Duration.ofHours(48));

    rig.admin(
        "POST",
        "/admin/subscriptions/" + id + "/lifecycle",
        Json.object().put("lifecycleEvent", "subscriptionRemoved"));

    assertThat(awaitLifecycle(1).get(0).get("lifecycleEvent").asString())
        .isEqualTo("subscriptionRemoved");
    assertThat(rig.get("/subscriptions/" + id, token).status()).isEqualTo(404);
  }

  @Test
  void droppedNotificationsAreFollowedByMissed() {
    String id = subscribe(Duration.ofHours(48));
    GraphAccount alice = rig.account(ALICE);

    rig.admin("POST", "/admin/subscriptions/" + id + "/drop", Json.object().put("count", 2));
    alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "One", "1"));
    alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Two", "2"));

    assertThat(awaitLifecycle(1).get(0).get("lifecycleEvent").asString()).isEqualTo("missed");
    assertThat(rig.subscriptions.stats().notificationsDropped()).isEqualTo(2);
    assertThat(receiver.notifications("/notify")).isEmpty();
  }

  @Test
  void notificationsResumeAfterTheDroppedOnes() {
    String id = subscribe(Duration.ofHours(48));
    GraphAccount alice = rig.account(ALICE);
    rig.subscriptions.dropNext(id, 1);
    alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Lost", "1"));

    alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Kept", "2"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/notify").size() == 1);
  }

  @Test
  void theAdminRouteExpiresASubscriptionSilently() {
    String id = subscribe(Duration.ofHours(48));

    SubscriptionRig.Answer expired =
        rig.admin("POST", "/admin/subscriptions/" + id + "/expire", null);

    assertThat(expired.status()).isEqualTo(200);
    assertThat(rig.subscriptions.list()).isEmpty();
    assertThat(rig.subscriptions.stats().expired()).isEqualTo(1);
    assertThat(rig.get("/subscriptions/" + id, token).status()).isEqualTo(404);
  }

  @Test
  void aSubscriptionWithoutALifecycleUrlGetsNoLifecycleNotification() {
    String id =
        rig.subscribe(
            token, rig.request("me/messages", receiver.notifyUrl(), Duration.ofHours(48)));

    SubscriptionRig.Answer answer =
        rig.admin(
            "POST",
            "/admin/subscriptions/" + id + "/lifecycle",
            Json.object().put("lifecycleEvent", "missed"));

    assertThat(answer.body().get("sent").asBoolean()).isFalse();
  }

  @Test
  void theAdminListAndStatsShowTheSubscriptions() {
    String id = subscribe(Duration.ofHours(48));

    SubscriptionRig.Answer list = rig.admin("GET", "/admin/subscriptions?account=" + ALICE, null);
    SubscriptionRig.Answer stats = rig.admin("GET", "/admin/subscriptions/stats", null);

    assertThat(list.body().get("value").get(0).get("id").asString()).isEqualTo(id);
    assertThat(stats.body().get("created").asLong()).isEqualTo(1);
    assertThat(stats.body().get("active").asLong()).isEqualTo(1);
  }

  @Test
  void anUnknownLifecycleEventIsA400() {
    String id = subscribe(Duration.ofHours(48));

    SubscriptionRig.Answer answer =
        rig.admin(
            "POST",
            "/admin/subscriptions/" + id + "/lifecycle",
            Json.object().put("lifecycleEvent", "renamed"));

    assertThat(answer.status()).isEqualTo(400);
  }

  private String subscribe(Duration lifetime) {
    var request = rig.request("me/messages", receiver.notifyUrl(), lifetime);
    request.put("lifecycleNotificationUrl", receiver.lifecycleUrl());
    return rig.subscribe(token, request);
  }

  private List<JsonNode> awaitLifecycle(int count) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/lifecycle").size() >= count);
    return receiver.notifications("/lifecycle");
  }
}
