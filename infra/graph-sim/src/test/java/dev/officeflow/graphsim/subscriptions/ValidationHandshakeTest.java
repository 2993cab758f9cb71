package dev.officeflow.graphsim.subscriptions;

import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.graphsim.subscriptions.WebhookReceiver.Handshake;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidationHandshakeTest {

  private final SubscriptionRig rig = new SubscriptionRig();
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    receiver.close();
    rig.close();
  }

  @Test
  void aReceiverThatEchoesTheTokenGetsItsSubscription() {
    String token = rig.token(ALICE);
    var request = rig.request("me/mailFolders('inbox')/messages", receiver.notifyUrl(), hours(2));

    SubscriptionRig.Answer created = rig.post("/subscriptions", token, request);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("id").asString()).hasSize(36);
    assertThat(created.body().get("resource").asString())
        .isEqualTo("me/mailFolders('inbox')/messages");
    assertThat(created.body().get("changeType").asString()).isEqualTo("created,updated,deleted");
    assertThat(created.body().get("clientState").asString())
        .isEqualTo(request.get("clientState").asString());
    assertThat(created.body().get("notificationUrl").asString()).isEqualTo(receiver.notifyUrl());
    assertThat(created.body().get("creatorId").asString()).isEqualTo(rig.account(ALICE).id());
    assertThat(created.body().get("applicationId").asString()).isNotBlank();
    assertThat(created.body().get("expirationDateTime").asString())
        .isEqualTo(SubscriptionJson.dateTime(rig.now().plus(hours(2))));
  }

  @Test
  void theTokenIsGraphsSentenceUrlEncodedInTheQuery() {
    rig.subscribe(rig.token(ALICE), rig.request("me/events", receiver.notifyUrl(), hours(2)));

    assertThat(receiver.validationTokens())
        .singleElement()
        .asString()
        .startsWith(
            "Validation: Testing client application reachability for subscription Request-Id: ");
  }

  @Test
  void aReceiverThatEchoesAnotherTokenIsRefused() {
    receiver.answerHandshake(Handshake.WRONG_TOKEN);

    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            rig.token(ALICE),
            rig.request("me/messages", receiver.notifyUrl(), hours(2)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("ValidationError");
    assertThat(refused.errorMessage()).isEqualTo(ValidationHandshake.MISMATCH);
    assertThat(rig.subscriptions.list()).isEmpty();
    assertThat(rig.subscriptions.stats().validationFailures()).isEqualTo(1);
  }

  @Test
  void aReceiverSlowerThanTheTimeoutIsRefused() {
    receiver.answerHandshake(Handshake.HANG);
    rig.subscriptions.updateSettings(s -> s.withValidationTimeout(Duration.ofMillis(300)));

    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            rig.token(ALICE),
            rig.request("me/messages", receiver.notifyUrl(), hours(2)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).isEqualTo(ValidationHandshake.TIMED_OUT);
    assertThat(rig.subscriptions.list()).isEmpty();
  }

  @Test
  void aReceiverThatDoesNotAnswer200IsRefused() {
    receiver.answerHandshake(Handshake.NOT_FOUND);

    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            rig.token(ALICE),
            rig.request("me/contacts", receiver.notifyUrl(), hours(2)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).isEqualTo(ValidationHandshake.NOT_OK);
  }

  @Test
  void aTokenEchoedAsJsonIsNotTheToken() {
    receiver.answerHandshake(Handshake.JSON_ECHO);

    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            rig.token(ALICE),
            rig.request("me/contacts", receiver.notifyUrl(), hours(2)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).isEqualTo(ValidationHandshake.MISMATCH);
  }

  @Test
  void theLifecycleUrlMustPassTheHandshakeToo() {
    try (WebhookReceiver lifecycle = new WebhookReceiver()) {
      lifecycle.answerHandshake(Handshake.WRONG_TOKEN);
      var request = rig.request("me/events", receiver.notifyUrl(), hours(2));
      request.put("lifecycleNotificationUrl", lifecycle.lifecycleUrl());

      SubscriptionRig.Answer refused = rig.post("/subscriptions", rig.token(ALICE), request);

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("ValidationError");
      assertThat(receiver.validationTokens()).hasSize(1);
      assertThat(lifecycle.validationTokens()).hasSize(1);
    }
  }

  private static Duration hours(int h) {
    return Duration.ofHours(h);
  }
}
