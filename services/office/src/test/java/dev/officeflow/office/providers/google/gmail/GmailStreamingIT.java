package dev.officeflow.office.providers.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.admin.MessageRef;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.backfill.store.JobRepository;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gmail half of the streaming bridge against google-sim (publishing real push notifications to
 * the emulator), PostgreSQL and Redis. One office instance on a hand-moved clock; each test streams
 * an account of its own, created and backfilled for it.
 */
@IntegrationTest
class GmailStreamingIT {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  private static GoogleSim sim;
  private static MutableClock clock;
  private static OfficeInstance office;
  private static PublishedEvents published;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector deadLetters;
  private static String prefix;

  @BeforeAll
  static void start() {
    sim = TestSims.startWithPush(TestSims.fastQuota());
    prefix = IsolatedCatalog.apply();
    Map<String, Object> properties =
        new java.util.HashMap<>(
            OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    // Renewals and polls run when a test ticks, not in the background.
    properties.put("officeflow.office.streaming.gmail.tick-interval", "1h");
    properties.put("officeflow.office.streaming.reconciler.interval", "1h");
    clock = MutableClock.startingNow();
    published = new PublishedEvents(prefix);
    pubsub = new EmulatorPubSub();
    deadLetters = pubsub.collect(prefix + GmailPushHandler.SUBSCRIPTION + "-dead-letter");
    office = OfficeInstance.start(properties, clock);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    deadLetters.close();
    pubsub.close();
    sim.close();
  }

  @Test
  void addedMessageYieldsExactlyOneRealTimeCreate() {
    String user = streaming("add");

    MessageRef added = StreamingFixtures.addMessage(sim, user, "hello");

    EmailEvent event = awaitOne(user, added.id());
    awaitPublishedUpTo(user, added.historyId());
    assertThat(realTime(user, added.id())).hasSize(1);
    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.syncType()).isEqualTo(SyncType.REAL_TIME);
    assertThat(event.email().subject()).isEqualTo("hello");
    assertThat(event.metadata().tags()).containsEntry("account", user);
  }

  @Test
  void backfillRecordsTheHistoryIdFromBeforeItListedTheMailbox() {
    String user = StreamingFixtures.createAccount(sim, "capture");
    long before = sim.admin().account(user).historyId();

    String job = Jobs.start(office, user).path("job_id").asString();
    Jobs.await(office, job, "completed", WITHIN);

    Long captured = office.bean(JobRepository.class).mailHistoryId(UUID.fromString(job)).block();
    assertThat(captured).isEqualTo(before);
  }

  @Test
  void labelChangeYieldsAnUpdate() {
    String user = streaming("label");
    MessageRef added = StreamingFixtures.addMessage(sim, user, "to star");
    awaitOne(user, added.id());

    sim.admin().modifyLabels(user, added.id(), List.of("STARRED"), List.of());

    EmailEvent update = awaitOperation(user, added.id(), Operation.UPDATE);
    assertThat(update.email().isStarred()).isTrue();
    assertThat(update.lastUpdated()).isAfterOrEqualTo(added(user, added.id()).lastUpdated());
  }

  @Test
  void deletedMessageYieldsADelete() {
    String user = streaming("delete");
    MessageRef added = StreamingFixtures.addMessage(sim, user, "to delete");
    awaitOne(user, added.id());

    sim.admin().deleteMessage(user, added.id());

    EmailEvent delete = awaitOperation(user, added.id(), Operation.DELETE);
    assertThat(delete.email().providerMessageId()).isEqualTo(added.id());
    assertThat(delete.email().threadId()).isEqualTo(added.threadId());
  }

  @Test
  void burstOfChangesYieldsOneEventEachWithFarFewerHistoryReads() {
    String user = streaming("burst");
    long readsBefore = sim.stats().requests("gmail.users.history.list");
    double notificationsBefore = counter("notifications");

    List<MessageRef> burst = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      burst.add(StreamingFixtures.addMessage(sim, user, "burst " + i));
    }

    awaitPublishedUpTo(user, burst.get(burst.size() - 1).historyId());
    await().atMost(WITHIN).until(() -> counter("notifications") - notificationsBefore >= 100);
    List<EmailEvent> events = published.emails(e -> isRealTime(e, user));
    assertThat(events).hasSize(100);
    assertThat(events)
        .extracting(e -> e.email().providerMessageId())
        .containsExactlyInAnyOrderElementsOf(burst.stream().map(MessageRef::id).toList());
    long reads = sim.stats().requests("gmail.users.history.list") - readsBefore;
    assertThat(reads).isLessThanOrEqualTo(25);
  }

  @Test
  void expiredHistoryResyncsOnceAndLosesNothing() throws Exception {
    String user = streaming("expired");
    double resyncsBefore = counter("resyncs");
    // A change the office has not read yet when Gmail forgets the history before it.
    StreamingFixtures.stopWatch(sim, user);
    MessageRef missed = StreamingFixtures.addMessage(sim, user, "while expired");
    sim.admin().expireHistory(user);

    publishPush(user, missed.historyId());

    await("the resync's backfill to publish the message")
        .atMost(WITHIN)
        .until(() -> !published.emails(e -> isFor(e, user, missed.id())).isEmpty());
    await("streaming to resume").atMost(WITHIN).until(() -> !watch(user).resyncing());
    MessageRef after = StreamingFixtures.addMessage(sim, user, "after the resync");
    awaitOne(user, after.id());
    assertThat(counter("resyncs") - resyncsBefore).isEqualTo(1);
    assertThat(office.bean(BackfillService.class).list(user).collectList().block()).hasSize(2);
  }

  @Test
  void watchesAreRenewedDailyByTheInjectedClock() {
    String user = streaming("renew");
    StreamingReconciler reconciler = office.bean(StreamingReconciler.class);
    reconciler.tick().block();
    long watchesBefore = sim.stats().requests("gmail.users.watch");
    double renewalsBefore = counter("renewals");

    clock.advance(Duration.ofHours(25));
    reconciler.tick().block();
    long renewedOnce = sim.stats().requests("gmail.users.watch") - watchesBefore;
    reconciler.tick().block();

    assertThat(renewedOnce).isGreaterThanOrEqualTo(1);
    assertThat(counter("renewals") - renewalsBefore).isEqualTo(renewedOnce);
    assertThat(sim.stats().requests("gmail.users.watch") - watchesBefore).isEqualTo(renewedOnce);
    assertThat(watch(user).renewedAt()).isEqualTo(clock.instant());
  }

  @Test
  void pollCatchesAChangeWhoseNotificationNeverCame() throws Exception {
    String user = streaming("poll");
    StreamingFixtures.stopWatch(sim, user);
    MessageRef unnoticed = StreamingFixtures.addMessage(sim, user, "no push for this one");
    StreamingScheduler scheduler = office.bean(StreamingScheduler.class);
    scheduler.tick().block();
    assertThat(watch(user).historyId()).isLessThan(unnoticed.historyId());

    clock.advance(Duration.ofMinutes(11));
    scheduler.tick().block();

    awaitOne(user, unnoticed.id());
  }

  @Test
  void closedIntegrationStopsTheWatchAndForgetsTheUser() {
    String user = streaming("closed");
    long stopsBefore = sim.stats().requests("gmail.users.stop");

    office.context().publishEvent(new IntegrationClosed(user, "google", "delete revoked"));

    await().atMost(WITHIN).until(() -> sim.stats().requests("gmail.users.stop") > stopsBefore);
    assertThat(office.bean(WatchStore.class).find(user).blockOptional()).isEmpty();
  }

  @Test
  void notificationForAnUnknownMailboxIsAcknowledgedAsSkipped() {
    PubsubMessage push = push("{\"emailAddress\":\"nobody@acme.test\",\"historyId\":12345}");

    Outcome outcome = office.bean(GmailPushHandler.class).handle(push, delivery()).block();

    assertThat(outcome.action()).isEqualTo(Outcome.Action.ACK);
    assertThat(outcome.reason()).startsWith("skipped");
  }

  @Test
  void malformedNotificationIsDeadLetteredWithTheReason() {
    pubsub
        .publisher()
        .publish(
            prefix + "gmail-push",
            push("{\"emailAddress\":\"x@acme.test\",\"historyId\":\"soon\"}"))
        .join();

    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(deadLetters.messages())
                    .anySatisfy(
                        m ->
                            assertThat(m.getAttributesMap().get(EventAttributes.ERROR_REASON))
                                .startsWith("malformed gmail notification: historyId")));
  }

  /** A new account, backfilled, then watched: what streaming tests start from. */
  private static String streaming(String name) {
    String user = StreamingFixtures.createAccount(sim, name);
    String job = Jobs.start(office, user).path("job_id").asString();
    Jobs.await(office, job, "completed", WITHIN);
    await("the watch of " + user)
        .atMost(WITHIN)
        .until(() -> office.bean(WatchStore.class).find(user).blockOptional().isPresent());
    // The watch is stored before streaming's first read ends; a tick queues behind that round.
    office.bean(StreamingReconciler.class).tick().block(WITHIN);
    return user;
  }

  private static WatchRow watch(String user) {
    return office.bean(WatchStore.class).find(user).blockOptional().orElseThrow();
  }

  private static void awaitPublishedUpTo(String user, long historyId) {
    await("history of " + user + " published up to " + historyId)
        .atMost(WITHIN)
        .until(() -> watch(user).historyId() >= historyId);
  }

  private static EmailEvent awaitOne(String user, String messageId) {
    return awaitOperation(user, messageId, Operation.CREATE);
  }

  private static EmailEvent awaitOperation(String user, String messageId, Operation operation) {
    await(operation.wire() + " of " + messageId)
        .atMost(WITHIN)
        .until(() -> realTime(user, messageId).stream().anyMatch(e -> e.operation() == operation));
    return realTime(user, messageId).stream()
        .filter(e -> e.operation() == operation)
        .findFirst()
        .orElseThrow();
  }

  private static EmailEvent added(String user, String messageId) {
    return awaitOperation(user, messageId, Operation.CREATE);
  }

  private static List<EmailEvent> realTime(String user, String messageId) {
    return published.emails(e -> isRealTime(e, user) && id(e).equals(messageId));
  }

  private static boolean isRealTime(EmailEvent e, String user) {
    return e.userId().equals(user) && e.syncType() == SyncType.REAL_TIME;
  }

  private static boolean isFor(EmailEvent e, String user, String messageId) {
    return e.userId().equals(user) && id(e).equals(messageId);
  }

  private static String id(EmailEvent e) {
    return e.email() == null ? "" : e.email().providerMessageId();
  }

  private static double counter(String name) {
    return office
        .bean(MeterRegistry.class)
        .counter(StreamingMetrics.PREFIX + name, "source", "gmail")
        .count();
  }

  /** A notification as Gmail sends it, published to the office's push topic. */
  private static void publishPush(String address, long historyId) {
    String json = "{\"emailAddress\":\"" + address + "\",\"historyId\":" + historyId + "}";
    pubsub.publisher().publish(prefix + "gmail-push", push(json)).join();
  }

  private static PubsubMessage push(String json) {
    return PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8(json)).build();
  }

  private static Delivery delivery() {
    return new Delivery(
        GmailPushHandler.SUBSCRIPTION, "test", Map.of(), 1, SpanContext.getInvalid());
  }
}
