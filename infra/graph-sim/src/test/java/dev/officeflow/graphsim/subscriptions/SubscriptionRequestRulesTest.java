package dev.officeflow.graphsim.subscriptions;

import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.ALICE;
import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code POST /subscriptions} refuses before any handshake, and the limits it keeps. */
class SubscriptionRequestRulesTest {

  private final SubscriptionRig rig = new SubscriptionRig();
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    receiver.close();
    rig.close();
  }

  @Test
  void anExpirationOneMinuteBeyond10080MinutesIsRefused() {
    SubscriptionRig.Answer refused = create("me/messages", Duration.ofMinutes(10_081));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("ExtensionError");
    assertThat(receiver.validationTokens()).isEmpty();
  }

  @Test
  void anExpirationOfExactly10080MinutesIsAccepted() {
    assertThat(create("me/messages", Duration.ofMinutes(10_080)).status()).isEqualTo(201);
  }

  @Test
  void anExpirationInThePastIsRefused() {
    SubscriptionRig.Answer refused = create("me/messages", Duration.ofMinutes(-5));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
  }

  @Test
  void aResourceOutsideOutlookMailEventsAndContactsIsRefused() {
    SubscriptionRig.Answer refused = create("me/drive/root", Duration.ofHours(1));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("me/drive/root");
  }

  @Test
  void anUnknownChangeTypeIsRefused() {
    var request = rig.request("me/events", receiver.notifyUrl(), Duration.ofHours(1));
    request.put("changeType", "created,renamed");

    SubscriptionRig.Answer refused = rig.post("/subscriptions", rig.token(ALICE), request);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("changeType");
  }

  @Test
  void aMissingNotificationUrlIsRefused() {
    var request = rig.request("me/events", receiver.notifyUrl(), Duration.ofHours(1));
    request.remove("notificationUrl");

    SubscriptionRig.Answer refused = rig.post("/subscriptions", rig.token(ALICE), request);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("notificationUrl");
  }

  @Test
  void aBodyThatIsNotJsonIsAGraphShaped400() {
    SubscriptionRig.Answer refused =
        rig.post("/subscriptions", rig.token(ALICE), dev.officeflow.simkit.web.Json.array());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("error").path("innerError").path("request-id").asString())
        .isNotBlank();
  }

  @Test
  void subscribingToMailNeedsMailRead() {
    String calendarOnly = rig.token(ALICE, Set.of("Calendars.Read"));

    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            calendarOnly,
            rig.request("me/messages", receiver.notifyUrl(), Duration.ofHours(1)));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorCode()).isEqualTo("ErrorAccessDenied");
  }

  @Test
  void anotherUsersMailboxIsRefused() {
    String resource = "users/" + BOB + "/messages";

    SubscriptionRig.Answer refused = create(resource, Duration.ofHours(1));

    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void theCallersOwnMailboxMayBeNamedByAddress() {
    assertThat(
            create("/users/" + ALICE + "/mailFolders('Inbox')/messages", Duration.ofHours(1))
                .status())
        .isEqualTo(201);
  }

  @Test
  void withoutATokenTheAnswerIs401() {
    SubscriptionRig.Answer refused =
        rig.post(
            "/subscriptions",
            null,
            rig.request("me/messages", receiver.notifyUrl(), Duration.ofHours(1)));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationToken");
  }

  private SubscriptionRig.Answer create(String resource, Duration lifetime) {
    return rig.post(
        "/subscriptions", rig.token(ALICE), rig.request(resource, receiver.notifyUrl(), lifetime));
  }
}
