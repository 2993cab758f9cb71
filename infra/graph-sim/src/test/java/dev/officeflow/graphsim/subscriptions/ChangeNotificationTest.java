package dev.officeflow.graphsim.subscriptions;

import static dev.officeflow.graphsim.subscriptions.SubscriptionRig.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.NewMessage;
import dev.officeflow.graphsim.identity.Tenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChangeNotificationTest {

  private final SubscriptionRig rig =
      new SubscriptionRig(
          s ->
              s.withRetries(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(2))
                  .withSenderThreads(1));
  private final WebhookReceiver receiver = new WebhookReceiver();

  @AfterEach
  void stop() {
    receiver.close();
    rig.close();
  }

  @Test
  void aNewInboxMessageIsNotifiedWithTheClientStateAndTheItem() {
    var request = rig.request("me/mailFolders('inbox')/messages", receiver.notifyUrl(), hours(2));
    String id = rig.subscribe(rig.token(ALICE), request);
    GraphAccount alice = rig.account(ALICE);

    MailItem added = alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Hi", "Hello"));

    JsonNode n = awaitNotifications(1).get(0);
    String resource = "Users/" + alice.id() + "/Messages/" + added.id();
    assertThat(n.get("subscriptionId").asString()).isEqualTo(id);
    assertThat(n.get("clientState").asString()).isEqualTo(request.get("clientState").asString());
    assertThat(n.get("changeType").asString()).isEqualTo("created");
    assertThat(n.get("tenantId").asString()).isEqualTo(Tenant.DEFAULT_ID);
    assertThat(n.get("subscriptionExpirationDateTime").asString())
        .isEqualTo(SubscriptionJson.dateTime(rig.now().plus(hours(2))));
    assertThat(n.get("resource").asString()).isEqualTo(resource);
    assertThat(n.get("resourceData").get("@odata.type").asString())
        .isEqualTo("#Microsoft.Graph.Message");
    assertThat(n.get("resourceData").get("@odata.id").asString()).isEqualTo(resource);
    assertThat(n.get("resourceData").get("@odata.etag").asString()).startsWith("W/\"");
    assertThat(n.get("resourceData").get("id").asString()).isEqualTo(added.id());
  }

  @Test
  void aMailboxWideSubscriptionHearsAMessageOnce() {
    String token = rig.token(ALICE);
    rig.subscribe(token, rig.request("me/messages", receiver.notifyUrl(), hours(2)));
    rig.subscribe(token, rig.request("me/events", receiver.notifyUrl(), hours(2)));
    GraphAccount alice = rig.account(ALICE);

    alice.addMessage(NewMessage.sent(List.of("bob@fabrikam.test"), "Re", "Text"));

    // The account announces the message for its folder and for me/messages. One sender delivers
    // in order, so once the event's notification is in, every message notification is too.
    alice.deleteEvent(alice.events().snapshot().live().get(0).id());
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/notify").stream().anyMatch(this::isEvent));
    assertThat(receiver.notifications("/notify")).filteredOn(n -> !isEvent(n)).hasSize(1);
  }

  private boolean isEvent(JsonNode n) {
    return n.get("resource").asString().contains("/Events/");
  }

  @Test
  void anEventChangeNamesTheEvent() {
    rig.subscribe(rig.token(ALICE), rig.request("me/events", receiver.notifyUrl(), hours(2)));
    GraphAccount alice = rig.account(ALICE);
    String eventId = alice.events().snapshot().live().get(0).id();

    alice.deleteEvent(eventId);

    JsonNode n = awaitNotifications(1).get(0);
    assertThat(n.get("changeType").asString()).isEqualTo("deleted");
    assertThat(n.get("resource").asString())
        .isEqualTo("Users/" + alice.id() + "/Events/" + eventId);
    assertThat(n.get("resourceData").get("@odata.type").asString())
        .isEqualTo("#Microsoft.Graph.Event");
  }

  @Test
  void aReceiverThatFailsIsRetriedUntilItTakesTheNotification() {
    rig.subscribe(rig.token(ALICE), rig.request("me/contacts", receiver.notifyUrl(), hours(2)));
    receiver.failNext(2);

    rig.account(ALICE).deleteContact(rig.account(ALICE).contacts().snapshot().live().get(0).id());

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> rig.subscriptions.stats().notificationsSent() == 1);
    SubscriptionStats stats = rig.subscriptions.stats();
    assertThat(receiver.notifications("/notify")).hasSize(1);
    assertThat(receiver.failedPosts()).isEqualTo(2);
    assertThat(stats.notificationFailures()).isEqualTo(2);
    assertThat(stats.notificationsRetried()).isEqualTo(2);
    assertThat(stats.notificationsSent()).isEqualTo(1);
  }

  @Test
  void aNotificationStillFailingWhenTheRetryWindowClosesIsGivenUp() {
    rig.subscribe(rig.token(ALICE), rig.request("me/contacts", receiver.notifyUrl(), hours(2)));
    receiver.failNext(Integer.MAX_VALUE);

    rig.account(ALICE).deleteContact(rig.account(ALICE).contacts().snapshot().live().get(0).id());

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rig.subscriptions.stats().notificationsGivenUp() == 1);
    assertThat(receiver.failedPosts()).isGreaterThan(2);
    assertThat(rig.subscriptions.stats().notificationsSent()).isZero();
  }

  @Test
  void aChangeDoesNotWaitForASlowReceiver() {
    rig.subscribe(rig.token(ALICE), rig.request("me/messages", receiver.notifyUrl(), hours(2)));
    receiver.holdNotifications();
    GraphAccount alice = rig.account(ALICE);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 10; i++) {
            alice.addMessage(NewMessage.from("Bob", "bob@fabrikam.test", "Hi " + i, "Hello"));
          }
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.heldNotifications() > 0);
  }

  @Test
  void anExpiredSubscriptionSendsNothingAndIsRemoved() {
    try (WebhookReceiver other = new WebhookReceiver()) {
      String token = rig.token(ALICE);
      String expiring =
          rig.subscribe(token, rig.request("me/events", receiver.notifyUrl(), hours(1)));
      rig.clock.advance(Duration.ofMinutes(59));
      rig.subscribe(token, rig.request("me/events", other.notifyUrl(), hours(2)));
      rig.clock.advance(Duration.ofMinutes(2));

      rig.account(ALICE).deleteEvent(rig.account(ALICE).events().snapshot().live().get(0).id());

      await().atMost(Duration.ofSeconds(5)).until(() -> other.notifications("/notify").size() == 1);
      assertThat(rig.subscriptions.get(expiring)).isEmpty();
      assertThat(rig.subscriptions.stats().expired()).isEqualTo(1);
      assertThat(receiver.received()).isEmpty();
    }
  }

  private List<JsonNode> awaitNotifications(int count) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> receiver.notifications("/notify").size() >= count);
    return receiver.notifications("/notify");
  }

  private static Duration hours(int h) {
    return Duration.ofHours(h);
  }
}
