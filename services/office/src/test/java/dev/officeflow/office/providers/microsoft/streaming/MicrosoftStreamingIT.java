package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft streaming end to end against graph-sim: subscriptions created through Graph (the
 * validation handshake answered by the office's webhook), a change made through graph-sim's admin
 * API notified to the webhook, read by delta query and published. Each test streams an account of
 * its own.
 */
@IntegrationTest
class MicrosoftStreamingIT {

  private static final String CHANGES = "ms.changes@northwind.test";
  private static final String FORGED = "ms.forged@northwind.test";
  private static final String LOST_TOKEN = "ms.lost@northwind.test";
  private static final String RENEWED = "ms.renewed@northwind.test";
  private static final String MISSED = "ms.missed@northwind.test";
  private static final String REMOVED = "ms.removed@northwind.test";
  private static final String REAUTHORIZED = "ms.reauthorized@northwind.test";
  private static final String FORGOTTEN = "ms.forgotten@northwind.test";
  private static final String KINDS = "ms.kinds@northwind.test";
  private static final String STALE = "ms.stale@northwind.test";
  private static final String PURGED = "ms.purged@northwind.test";
  private static final String BURST = "ms.burst@northwind.test";
  private static final String PURGE_FAILS = "ms.purge.fails@northwind.test";
  private static final Duration QUIET = Duration.ofSeconds(1);

  private static MicrosoftStreamingRig rig;

  @BeforeAll
  static void start() {
    rig =
        MicrosoftStreamingRig.start(
            CHANGES,
            FORGED,
            LOST_TOKEN,
            RENEWED,
            MISSED,
            REMOVED,
            REAUTHORIZED,
            FORGOTTEN,
            KINDS,
            STALE,
            PURGED,
            PURGE_FAILS,
            BURST);
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void messageAddedThroughTheAdminApiIsPublishedInRealTime() {
    rig.streaming(CHANGES);
    // The first rounds read the whole mailbox but publish only what changed since the backfill.
    assertThat(rig.emails(e -> CHANGES.equals(e.userId()))).isEmpty();

    String id = rig.addMessage(CHANGES, "Quarterly numbers");

    EmailEvent created = rig.awaitEmail(e -> id.equals(e.providerItemId()));
    assertThat(created.syncType()).isEqualTo(SyncType.REAL_TIME);
    assertThat(created.provider()).isEqualTo("microsoft");
    assertThat(created.email().subject()).isEqualTo("Quarterly numbers");
    assertThat(created.email().fromAddress()).isEqualTo("bo@fabrikam.test");
    assertThat(created.metadata().tags())
        .containsEntry("account", CHANGES)
        .containsEntry("direction", "inbound");
  }

  @Test
  void eventContactAndDeletedMessageAreEachPublished() {
    rig.streaming(KINDS);
    String start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).toString();
    String end =
        Instant.now()
            .plus(Duration.ofDays(1))
            .truncatedTo(ChronoUnit.HOURS)
            .plus(Duration.ofHours(1))
            .toString();
    String event =
        rig.admin(
                "POST",
                "admin/accounts/" + KINDS + "/events",
                "{\"subject\":\"Planning\",\"start\":\""
                    + start
                    + "\",\"end\":\""
                    + end
                    + "\",\"attendees\":[\"bo@fabrikam.test\"]}")
            .get("id")
            .asString();
    String contact =
        rig.admin(
                "POST",
                "admin/accounts/" + KINDS + "/contacts",
                "{\"givenName\":\"Ada\",\"surname\":\"Berg\","
                    + "\"emailAddresses\":[{\"address\":\"ada@fabrikam.test\"}]}")
            .get("id")
            .asString();
    String message = rig.addMessage(KINDS, "Soon gone");
    rig.awaitEmail(e -> message.equals(e.providerItemId()));
    rig.admin("DELETE", "admin/accounts/" + KINDS + "/messages/" + message, "");

    CalendarEvent created = rig.awaitCalendar(e -> event.equals(e.providerItemId()));
    ContactEvent added = rig.awaitContact(e -> contact.equals(e.contact().providerContactId()));
    EmailEvent deleted =
        rig.awaitEmail(
            e -> message.equals(e.providerItemId()) && e.operation() == Operation.DELETE);

    assertThat(created.event().title()).isEqualTo("Planning");
    assertThat(created.syncType()).isEqualTo(SyncType.REAL_TIME);
    assertThat(added.contact().emailAddresses()).contains("ada@fabrikam.test");
    assertThat(deleted.syncType()).isEqualTo(SyncType.REAL_TIME);
  }

  @Test
  void burstOfChangesYieldsEveryMessageFromFewerRoundsThanNotifications() {
    rig.streaming(BURST);
    double notifications = rig.counter("notifications");
    double rounds = rig.counter("deltas");

    java.util.List<String> ids =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(i -> rig.addMessage(BURST, "Burst " + i))
            .toList();

    await("every message")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.emails(e -> ids.contains(e.providerItemId())).size() >= ids.size());
    await("every notification")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.counter("notifications") - notifications == ids.size());
    await("the mailbox to settle")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.idle(BURST));
    assertThat(rig.counter("deltas") - rounds).isLessThan(ids.size());
  }

  @Test
  void validationHandshakeIsAnsweredWithTheDecodedToken() {
    String token = "Validation: Testing client application reachability for subscription a+b/c";

    for (String path :
        new String[] {NotificationWebhook.NOTIFICATIONS, NotificationWebhook.LIFECYCLE}) {
      var answer = rig.handshake(path, token);

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(answer.body()).isEqualTo(token);
    }
  }

  @Test
  void notificationWithAWrongClientStateIsRefusedAndReadsNothing() {
    rig.streaming(FORGED);
    String subscription = rig.subscriptionOf(FORGED, GraphResource.INBOX);
    double forged = rig.counter("forged");
    long before = rig.graphRequests(FORGED);

    int status =
        rig.notify(
            NotificationWebhook.NOTIFICATIONS,
            "{\"value\":[{\"subscriptionId\":\""
                + subscription
                + "\",\"clientState\":\"not-the-secret\",\"changeType\":\"created\","
                + "\"resource\":\"Users/x/Messages/forged\"}]}");

    assertThat(status).isEqualTo(401);
    assertThat(rig.counter("forged")).isEqualTo(forged + 1);
    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(() -> rig.graphRequests(FORGED) == before);
  }

  @Test
  void lostDeltaTokenResyncsFromScratchAndLosesNoChange() {
    rig.streaming(LOST_TOKEN);
    double resyncs = rig.counter("resyncs");
    rig.admin("POST", "admin/accounts/" + LOST_TOKEN + "/delta-tokens/expire", "{}");

    String id = rig.addMessage(LOST_TOKEN, "After the reset");

    EmailEvent created = rig.awaitEmail(e -> id.equals(e.providerItemId()));
    assertThat(created.email().subject()).isEqualTo("After the reset");
    await("the resync").atMost(MicrosoftStreamingRig.WITHIN).until(() -> rig.idle(LOST_TOKEN));
    assertThat(rig.counter("resyncs")).isGreaterThan(resyncs);
  }

  @Test
  void subscriptionNearItsExpiryIsRenewedByTheReconciler() {
    rig.streaming(RENEWED);
    String subscription = rig.subscriptionOf(RENEWED, GraphResource.EVENTS);
    rig.expireAt(subscription, Instant.now().plus(Duration.ofHours(2)));
    double renewals = rig.counter("renewals");

    rig.office.bean(StreamingReconciler.class).tick().block(MicrosoftStreamingRig.WITHIN);

    assertThat(rig.expiry(subscription)).isAfter(Instant.now().plus(Duration.ofDays(2)));
    assertThat(rig.counter("renewals")).isEqualTo(renewals + 1);
    assertThat(rig.sim.subscriptions().get(subscription))
        .hasValueSatisfying(
            s -> assertThat(s.expiration()).isAfter(Instant.now().plus(Duration.ofDays(2))));
  }

  @Test
  void resourcesNotReadForAPollIntervalAreReadByTheReconciler() {
    rig.streaming(STALE);
    rig.syncedAgo(STALE, Duration.ofHours(1));
    long before = rig.graphRequests(STALE);

    rig.office.bean(StreamingReconciler.class).tick().block(MicrosoftStreamingRig.WITHIN);

    await("the safety-net rounds")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.idle(STALE) && rig.syncedBefore(STALE, Duration.ofMinutes(1)) == 0);
    assertThat(rig.graphRequests(STALE))
        .isGreaterThanOrEqualTo(before + GraphResource.values().length);
  }

  @Test
  void missedNotificationsAreCaughtUpByDelta() {
    rig.streaming(MISSED);
    String subscription = rig.subscriptionOf(MISSED, GraphResource.INBOX);
    rig.admin("POST", "admin/subscriptions/" + subscription + "/drop", "{\"count\":1}");

    String id = rig.addMessage(MISSED, "Dropped on the way");

    EmailEvent created =
        rig.awaitEmail(e -> id.equals(e.providerItemId()) && e.operation() == Operation.CREATE);
    assertThat(created.email().subject()).isEqualTo("Dropped on the way");
    assertThat(rig.sim.subscriptions().stats().lifecycleSent()).containsEntry("missed", 1L);
  }

  @Test
  void removedSubscriptionIsRecreated() {
    rig.streaming(REMOVED);
    String removed = rig.subscriptionOf(REMOVED, GraphResource.CONTACTS);

    rig.admin(
        "POST",
        "admin/subscriptions/" + removed + "/lifecycle",
        "{\"lifecycleEvent\":\"subscriptionRemoved\"}");

    await("another contacts subscription")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(
            () ->
                rig.subscriptions(REMOVED).containsValue(GraphResource.CONTACTS.wire())
                    && !rig.subscriptions(REMOVED).containsKey(removed));
    String recreated = rig.subscriptionOf(REMOVED, GraphResource.CONTACTS);
    assertThat(rig.sim.subscriptions().get(recreated)).isPresent();
    assertThat(rig.sim.subscriptions().get(removed)).isEmpty();
  }

  @Test
  void reauthorizationRequiredReauthorizesAndRenews() {
    rig.streaming(REAUTHORIZED);
    String subscription = rig.subscriptionOf(REAUTHORIZED, GraphResource.SENT_ITEMS);
    Instant before = rig.expiry(subscription);
    double renewals = rig.counter("renewals");

    rig.admin(
        "POST",
        "admin/subscriptions/" + subscription + "/lifecycle",
        "{\"lifecycleEvent\":\"reauthorizationRequired\"}");

    await("the renewal")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.counter("renewals") == renewals + 1);
    assertThat(rig.expiry(subscription)).isAfterOrEqualTo(before);
    assertThat(rig.subscriptions(REAUTHORIZED)).containsKey(subscription);
  }

  @Test
  void purgeDeletesTheSubscriptionsAtGraphAndForgetsThem() {
    rig.streaming(PURGED);
    String account = rig.sim.admin().account(PURGED).id();

    purge(PURGED).block(MicrosoftStreamingRig.WITHIN);

    assertThat(rig.sim.subscriptions().forAccount(account)).isEmpty();
    assertThat(rig.subscriptions(PURGED)).isEmpty();
  }

  @Test
  void purgeThatGraphKeepsFailingFailsAndKeepsWhatItCouldNotDelete() {
    rig.streaming(PURGE_FAILS);
    rig.sim.admin().failNext(100, 503);
    try {
      assertThatThrownBy(() -> purge(PURGE_FAILS).block(MicrosoftStreamingRig.WITHIN)).isNotNull();
    } finally {
      rig.sim.admin().failNext(0, 503);
      rig.sim.admin().setFaults(dev.officeflow.graphsim.faults.FaultSettings.none());
    }

    assertThat(rig.subscriptions(PURGE_FAILS)).isNotEmpty();
    purge(PURGE_FAILS).block(MicrosoftStreamingRig.WITHIN);
    assertThat(rig.subscriptions(PURGE_FAILS)).isEmpty();
  }

  private static reactor.core.publisher.Mono<Void> purge(String user) {
    return rig.office
        .context()
        .getBean("microsoftProviderWatches", dev.officeflow.office.lifecycle.ProviderWatches.class)
        .stopAll(user);
  }

  @Test
  void forgottenUserHasItsSubscriptionsDeletedAtGraph() {
    rig.streaming(FORGOTTEN);
    String account = rig.sim.admin().account(FORGOTTEN).id();

    rig.office.context().publishEvent(new UserForgotten(FORGOTTEN));

    await("the subscriptions to be deleted")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> rig.sim.subscriptions().forAccount(account).isEmpty());
    assertThat(rig.subscriptions(FORGOTTEN)).isEmpty();
  }
}
