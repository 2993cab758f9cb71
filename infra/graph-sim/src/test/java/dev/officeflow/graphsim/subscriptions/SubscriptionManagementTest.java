package dev.officeflow.graphsim.subscriptions;

import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.ALICE;
import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Renewal, reading, deleting and reauthorizing, as the Graph client calls them. */
class SubscriptionManagementTest {

  private final SubscriptionRig rig = new SubscriptionRig();
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final String token = rig.token(ALICE);

  @AfterEach
  void stop() {
    receiver.close();
    rig.close();
  }

  @Test
  void patchRenewsTheSubscriptionWithTheNewExpiration() {
    String id = subscribe(Duration.ofHours(1));
    String later = rig.now().plus(Duration.ofDays(3)).toString();

    SubscriptionRig.Answer renewed =
        rig.patch("/subscriptions/" + id, token, Json.object().put("expirationDateTime", later));

    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.body().get("expirationDateTime").asString())
        .isEqualTo(SubscriptionJson.dateTime(rig.now().plus(Duration.ofDays(3))));
    assertThat(rig.subscriptions.get(id).orElseThrow().expiration())
        .isEqualTo(rig.now().plus(Duration.ofDays(3)));
  }

  @Test
  void aRenewedSubscriptionKeepsNotifyingPastItsFirstExpiry() {
    String id = subscribe(Duration.ofHours(1));
    String later = rig.now().plus(Duration.ofHours(3)).toString();
    rig.patch("/subscriptions/" + id, token, Json.object().put("expirationDateTime", later));
    rig.clock.advance(Duration.ofHours(2));
    rig.subscriptions.sweep();

    rig.account(ALICE).addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Hi", "Hello"));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/notify").size() == 1);
    assertThat(receiver.notifications("/notify").get(0).get("subscriptionId").asString())
        .isEqualTo(id);
  }

  @Test
  void aRenewalRunsTheHandshakeAgain() {
    String id = subscribe(Duration.ofHours(1));
    String later = rig.now().plus(Duration.ofHours(3)).toString();

    rig.patch("/subscriptions/" + id, token, Json.object().put("expirationDateTime", later));

    assertThat(receiver.validationTokens()).hasSize(2);
  }

  @Test
  void aRenewalBeyondTheMaximumLifetimeIsRefusedAndChangesNothing() {
    String id = subscribe(Duration.ofHours(1));
    String tooLate = rig.now().plus(Duration.ofMinutes(10_081)).toString();

    SubscriptionRig.Answer refused =
        rig.patch("/subscriptions/" + id, token, Json.object().put("expirationDateTime", tooLate));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage())
        .isEqualTo("Subscription expiration can only be 10080 minutes in the future.");
    assertThat(rig.subscriptions.get(id).orElseThrow().expiration())
        .isEqualTo(rig.now().plus(Duration.ofHours(1)));
  }

  @Test
  void anExpiredSubscriptionCannotBeRenewed() {
    String id = subscribe(Duration.ofHours(1));
    rig.clock.advance(Duration.ofHours(2));
    String later = rig.now().plus(Duration.ofHours(3)).toString();

    String freshToken = rig.token(ALICE);

    SubscriptionRig.Answer gone =
        rig.patch(
            "/subscriptions/" + id, freshToken, Json.object().put("expirationDateTime", later));

    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("ResourceNotFound");
  }

  @Test
  void getAnswersTheSubscription() {
    String id = subscribe(Duration.ofHours(1));

    SubscriptionRig.Answer got = rig.get("/subscriptions/" + id, token);

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body().get("id").asString()).isEqualTo(id);
    assertThat(got.body().get("@odata.context").asString())
        .isEqualTo(rig.graphUrl() + "/$metadata#subscriptions/$entity");
  }

  @Test
  void theListShowsOnlyTheCallersOwnSubscriptions() {
    String mine = subscribe(Duration.ofHours(1));
    rig.subscribe(
        rig.token(BOB), rig.request("me/events", receiver.notifyUrl(), Duration.ofHours(1)));

    SubscriptionRig.Answer list = rig.get("/subscriptions", token);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().get("value")).hasSize(1);
    assertThat(list.body().get("value").get(0).get("id").asString()).isEqualTo(mine);
  }

  @Test
  void anotherUsersSubscriptionIsNotFound() {
    String id = subscribe(Duration.ofHours(1));

    SubscriptionRig.Answer notFound = rig.get("/subscriptions/" + id, rig.token(BOB));

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.errorCode()).isEqualTo("ResourceNotFound");
  }

  @Test
  void deleteRemovesTheSubscription() {
    String id = subscribe(Duration.ofHours(1));

    SubscriptionRig.Answer deleted = rig.delete("/subscriptions/" + id, token);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(rig.get("/subscriptions/" + id, token).status()).isEqualTo(404);
  }

  @Test
  void reauthorizeAnswersNoContentAfterTheHandshake() {
    String id = subscribe(Duration.ofHours(1));

    SubscriptionRig.Answer done = rig.post("/subscriptions/" + id + "/reauthorize", token, null);

    assertThat(done.status()).isEqualTo(204);
    assertThat(receiver.validationTokens()).hasSize(2);
  }

  private String subscribe(Duration lifetime) {
    return rig.subscribe(token, rig.request("me/messages", receiver.notifyUrl(), lifetime));
  }
}
