package dev.officeflow.contacts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.contacts.outbox.store.OutboxStore;
import dev.officeflow.contacts.testing.ContactEventsSeen;
import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Contact events go out through the outbox: delayed while Pub/Sub refuses them, never lost, each
 * once, with the id it was given when it was written; and several instances share the outbox.
 */
@IntegrationTest
class OutboxRelayIT {

  private static final Instant T = Instant.now().minus(Duration.ofDays(1));
  private static final Map<String, Object> QUICK_BACKOFF =
      Map.of(
          "officeflow.contacts.outbox.initial-backoff", "200ms",
          "officeflow.contacts.outbox.max-backoff", "1s",
          "officeflow.contacts.outbox.publish-timeout", "5s");

  @Test
  void eventsWrittenWhilePublishingFailsAllArriveOnceWithTheirIds() throws Exception {
    try (ContactsApp app = ContactsApp.start("contacts_outbox_failing", QUICK_BACKOFF);
        EmulatorPubSub pubsub = new EmulatorPubSub()) {
      String topic = app.prefix() + "contacts";
      pubsub.admin().deleteTopic(topic);
      List<EmailEvent> mails = newContacts(newUser(), 20);

      deliver(app, mails);
      await().atMost(Duration.ofSeconds(30)).until(() -> meter(app, "failed") >= 2);
      List<String> written = eventIds(app);
      assertThat(written).hasSize(mails.size());
      await().atMost(Duration.ofSeconds(10)).until(() -> meter(app, "depth") == mails.size());

      OutboxRelay relay = app.context().getBean(OutboxRelay.class);
      relay.stop(); // so that the probe subscription exists before the first publish succeeds
      pubsub.admin().createTopic(topic);
      String probe = app.prefix() + "outbox-probe";
      pubsub.admin().createSubscription(probe, topic);
      try (ContactEventsSeen seen = ContactEventsSeen.on(new EmulatorPubSub(), probe)) {
        relay.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> eventIds(app).isEmpty());
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(30))
            .until(() -> seen.events().size() == written.size());
        assertThat(seen.events().stream().map(e -> e.metadata().eventId()))
            .containsExactlyInAnyOrderElementsOf(written);
        assertThat(seen.events())
            .allSatisfy(e -> assertThat(e.contact().emailAddresses()).hasSize(1));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> meter(app, "depth") == 0);
    }
  }

  @Test
  void twoInstancesPublishEveryEventOnce() throws Exception {
    try (ContactsApp writer =
            ContactsApp.start(
                "contacts_outbox_shared", Map.of("officeflow.contacts.outbox.relay", false));
        ContactEventsSeen seen = ContactEventsSeen.of(writer)) {
      deliver(writer, newContacts(newUser(), 300));
      List<String> written = eventIds(writer);
      assertThat(written).hasSize(300);

      try (ContactsApp first = writer.another(Map.of("officeflow.contacts.outbox.batch-size", 20));
          ContactsApp second =
              writer.another(Map.of("officeflow.contacts.outbox.batch-size", 20))) {
        await().atMost(Duration.ofSeconds(60)).until(() -> eventIds(writer).isEmpty());
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(30))
            .until(() -> seen.events().size() == written.size());

        assertThat(seen.events().stream().map(e -> e.metadata().eventId()))
            .containsExactlyInAnyOrderElementsOf(written);
        assertThat(meter(first, "published") + meter(second, "published")).isEqualTo(300);
      }
    }
  }

  @Test
  void aContactsNextEventWaitsWhileItsEarlierOneIsClaimed() {
    try (ContactsApp app =
        ContactsApp.start(
            "contacts_outbox_claims", Map.of("officeflow.contacts.outbox.relay", false))) {
      long a1 = stage(app, "v1:a"), a2 = stage(app, "v1:a"), b1 = stage(app, "v1:b");
      OutboxStore store = app.context().getBean(OutboxStore.class);
      TransactionalOperator tx = app.context().getBean(TransactionalOperator.class);

      List<List<Long>> claims =
          tx.transactional(
                  ids(store.claim(10))
                      .flatMap(
                          held ->
                              Mono.fromCallable(
                                      () -> tx.transactional(ids(store.claim(10))).block())
                                  .subscribeOn(Schedulers.boundedElastic())
                                  .map(meanwhile -> List.of(held, meanwhile))))
              .block();

      assertThat(claims.get(0)).containsExactly(a1, b1);
      assertThat(claims.get(1)).as("claimed by another transaction meanwhile").isEmpty();
      tx.transactional(ids(store.claim(10)).flatMap(store::delete)).block();
      assertThat(tx.transactional(ids(store.claim(10))).block()).containsExactly(a2);
    }
  }

  private static Mono<List<Long>> ids(Flux<OutboxStore.StoredRow> rows) {
    return rows.map(OutboxStore.StoredRow::id).collectList();
  }

  private static long stage(ContactsApp app, String hash) {
    return Long.parseLong(
        app.database()
            .column(
                "INSERT INTO contact_outbox (event_id, user_id, contact_hash, operation, provider,"
                    + " sync_type, last_updated, tags) VALUES (gen_random_uuid(), 'u-claims', ?,"
                    + " 'delete', 'google', 'incremental_sync', now(), '{}') RETURNING id",
                hash)
            .get(0));
  }

  private static List<EmailEvent> newContacts(MailEvents user, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                user.email(
                    "m" + i, "person" + i + "@example.org", List.of(user.account()), List.of(), T))
        .toList();
  }

  private static MailEvents newUser() {
    return new MailEvents("u-" + UUID.randomUUID(), "ana@acme.test");
  }

  private static List<String> eventIds(ContactsApp app) {
    return app.database().column("SELECT event_id::text FROM contact_outbox ORDER BY id");
  }

  private static double meter(ContactsApp app, String name) {
    MeterRegistry meters = app.context().getBean(MeterRegistry.class);
    String full = "officeflow.contacts.outbox." + name;
    var counter = meters.find(full).counter();
    if (counter != null) {
      return counter.count();
    }
    var gauge = meters.find(full).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private static void deliver(ContactsApp app, List<EmailEvent> events) {
    long before = app.handled().acked(EventType.EMAIL);
    app.publish(events);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> app.handled().acked(EventType.EMAIL) >= before + events.size());
  }
}
