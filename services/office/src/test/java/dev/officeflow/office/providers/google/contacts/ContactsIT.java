package dev.officeflow.office.providers.google.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.ContactUpdate;
import dev.officeflow.googlesim.admin.NewContact;
import dev.officeflow.googlesim.people.PeopleScopes;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * The Google address book against google-sim (People API with sync tokens), the emulator and
 * PostgreSQL: the backfill's contacts, the sync-token polls after it, an expired token, and grants
 * without the contacts scopes. Each test has an account of its own; polls run every second.
 */
@IntegrationTest
class ContactsIT {

  private static final String FULL = "ana.book@acme.test";
  private static final String CHANGES = "bo.changes@acme.test";
  private static final String EXPIRES = "cy.expires@acme.test";
  private static final String NO_SCOPE = "dee.noscope@acme.test";
  private static final String NO_OTHERS = "eve.noothers@acme.test";
  private static final String PURGED = "flo.purged@acme.test";
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final EventCodec CODEC = new EventCodec();

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector contacts;
  private static JsonNode fullJob;

  @BeforeAll
  static void backfillTheFullAddressBook() {
    sim =
        TestSims.start(
            TestSims.fastQuota().withPeopleRequestsPerMinute(6000),
            book(FULL, 21, 200, 40),
            book(CHANGES, 22, 20, 5),
            book(EXPIRES, 23, 25, 5),
            TestSims.account(NO_SCOPE, 24, 10, 2, 4).withContacts(15, 5),
            TestSims.account(NO_OTHERS, 25, 10, 2, 4)
                .withContacts(30, 10)
                .withAddedScopes(Set.of(PeopleScopes.CONTACTS_READONLY)),
            book(PURGED, 26, 5, 2));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> p =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    p.put("officeflow.office.quota.people-requests-per-minute", 6000);
    p.put("officeflow.office.streaming.reconciler.interval", "500ms");
    p.put("officeflow.office.streaming.contacts.interval", "1s");
    p.put("officeflow.office.streaming.gmail.enabled", false);
    p.put("officeflow.office.streaming.calendar.enabled", false);
    pubsub = new EmulatorPubSub();
    contacts = pubsub.collect(prefix + "vespa-loader-contacts");
    office = OfficeInstance.start(p);
    fullJob = backfill(FULL);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    contacts.close();
    pubsub.close();
    sim.close();
  }

  @Test
  void everyContactAndOtherContactArrivesOnceWithProviderGoogle() {
    Set<String> expected =
        Stream.concat(
                sim.admin().people().contacts(FULL).stream(),
                sim.admin().people().otherContacts(FULL).stream())
            .map(PersonRecord::resourceName)
            .collect(Collectors.toSet());
    assertThat(expected).hasSize(240);
    String job = fullJob.path("job_id").asString();

    List<ContactEvent> events = settled(e -> job.equals(e.batchId()), expected.size());

    assertThat(events).extracting(e -> e.contact().providerContactId()).doesNotHaveDuplicates();
    assertThat(events)
        .extracting(e -> e.contact().providerContactId())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.provider()).isEqualTo("google");
              assertThat(e.operation()).isEqualTo(Operation.CREATE);
              assertThat(e.syncType()).isEqualTo(SyncType.BATCH_SYNC);
              assertThat(e.metadata().correlationId()).isEqualTo(job);
              assertThat(e.metadata().tags()).containsEntry("account", FULL);
              assertThat(e.contact().id())
                  .isEqualTo("google_" + e.contact().providerContactId().replace('/', '_'));
            });
  }

  @Test
  void contactsCarryTheirNamesAddressesListAndUpdateTime() {
    Map<String, PersonRecord> people =
        Stream.concat(
                sim.admin().people().contacts(FULL).stream(),
                sim.admin().people().otherContacts(FULL).stream())
            .collect(Collectors.toMap(PersonRecord::resourceName, r -> r));
    String job = fullJob.path("job_id").asString();

    List<ContactEvent> events = settled(e -> job.equals(e.batchId()), people.size());

    for (ContactEvent event : events) {
      PersonRecord person = people.get(event.contact().providerContactId());
      assertThat(event.contact().displayName()).isEqualTo(person.displayName());
      assertThat(event.contact().emailAddresses())
          .containsExactlyElementsOf(
              person.emails().stream().map(PersonRecord.Email::value).toList());
      assertThat(event.contact().groups())
          .containsExactly(person.isOtherContact() ? "otherContacts" : "myContacts");
      // People writes update times to the millisecond.
      assertThat(event.lastUpdated()).isEqualTo(person.updated().truncatedTo(ChronoUnit.MILLIS));
      if (!person.isOtherContact() && person.organization() != null) {
        assertThat(event.contact().organizations())
            .extracting(o -> o.get("name"))
            .containsExactly(person.organization().name());
      }
    }
  }

  @Test
  void theBackfillStoresASyncTokenPerListAndReportsItsCounts() {
    assertThat(cursors(FULL)).containsExactlyInAnyOrder("connections", "other_contacts");
    assertThat(fullJob.path("skipped_sources").has("contacts")).isFalse();
    assertThat(fullJob.path("checkpoint").path("phase").asString()).isEqualTo("done");
  }

  @Test
  void contactsAddedChangedAndDeletedAfterTheBackfillArriveByTheSyncTokenPoll() {
    backfill(CHANGES);
    awaitPolled(CHANGES);
    List<PersonRecord> saved = sim.admin().people().contacts(CHANGES);
    String added =
        sim.admin().people().addContact(CHANGES, NewContact.of("Nia", "New", "nia@new.test"));
    String changed = saved.get(0).resourceName();
    sim.admin().people().updateContact(CHANGES, changed, ContactUpdate.names("Renamed", "Person"));
    String deleted = saved.get(1).resourceName();
    sim.admin().people().deleteContact(CHANGES, deleted);

    List<ContactEvent> live = settled(incremental(CHANGES), 3);

    assertThat(live)
        .extracting(e -> e.contact().providerContactId(), ContactEvent::operation)
        .contains(
            org.assertj.core.groups.Tuple.tuple(added, Operation.UPDATE),
            org.assertj.core.groups.Tuple.tuple(changed, Operation.UPDATE),
            org.assertj.core.groups.Tuple.tuple(deleted, Operation.DELETE));
    assertThat(live)
        .filteredOn(e -> e.contact().providerContactId().equals(changed))
        .extracting(e -> e.contact().displayName())
        .containsOnly("Renamed Person");
    assertThat(live)
        .filteredOn(e -> e.contact().providerContactId().equals(added))
        .extracting(e -> e.contact().emailAddresses())
        .containsOnly(List.of("nia@new.test"));
  }

  @Test
  void anExpiredSyncTokenRelistsTheAddressBookAndPollingGoesOn() {
    backfill(EXPIRES);
    awaitPolled(EXPIRES);
    Set<String> everyone =
        Stream.concat(
                sim.admin().people().contacts(EXPIRES).stream(),
                sim.admin().people().otherContacts(EXPIRES).stream())
            .map(PersonRecord::resourceName)
            .collect(Collectors.toSet());

    sim.admin().people().expireSyncTokens(EXPIRES);

    await("every contact of " + EXPIRES + " published again")
        .atMost(WITHIN)
        .until(
            () ->
                events(incremental(EXPIRES)).stream()
                    .map(e -> e.contact().providerContactId())
                    .collect(Collectors.toSet())
                    .containsAll(everyone));
    String added =
        sim.admin().people().addContact(EXPIRES, NewContact.of("Ola", "Later", "ola@later.test"));
    await("a contact added after the resync")
        .atMost(WITHIN)
        .until(
            () ->
                events(incremental(EXPIRES)).stream()
                    .anyMatch(e -> e.contact().providerContactId().equals(added)));
  }

  @Test
  void aGrantWithoutTheContactsScopeSkipsTheSourceAndRecordsIt() {
    JsonNode job = backfill(NO_SCOPE);

    assertThat(job.path("status").asString()).isEqualTo("completed");
    assertThat(job.path("skipped_sources").path("contacts").asString()).contains("missing scope");
    assertThat(events(e -> NO_SCOPE.equals(e.userId()))).isEmpty();
    assertThat(cursors(NO_SCOPE)).isEmpty();
  }

  @Test
  void aGrantWithoutTheOtherContactsScopeSkipsOnlyThem() {
    JsonNode job = backfill(NO_OTHERS);
    String id = job.path("job_id").asString();

    List<ContactEvent> events = settled(e -> id.equals(e.batchId()), 30);

    assertThat(job.path("skipped_sources").path("contacts.other").asString())
        .contains("missing scope");
    assertThat(job.path("skipped_sources").has("contacts")).isFalse();
    assertThat(events).allMatch(e -> e.contact().providerContactId().startsWith("people/"));
    assertThat(cursors(NO_OTHERS)).containsExactly("connections");
  }

  @Test
  void thePurgeForgetsTheUsersCursors() {
    backfill(PURGED);
    assertThat(cursors(PURGED)).isNotEmpty();
    ProviderWatches watches =
        office.context().getBean("contactsProviderWatches", ProviderWatches.class);

    watches.stopAll(PURGED).block(WITHIN);

    assertThat(cursors(PURGED)).isEmpty();
  }

  private static AccountSpec book(String email, long seed, int contacts, int others) {
    return TestSims.account(email, seed, 10, 2, 4)
        .withContacts(contacts, others)
        .withAddedScopes(PeopleScopes.READ_ALL);
  }

  private static JsonNode backfill(String user) {
    String job = Jobs.start(office, user).path("job_id").asString();
    return Jobs.await(office, job, "completed", WITHIN);
  }

  /** Waits until streaming started from the user's backfill (its first poll is done then). */
  private static void awaitPolled(String user) {
    await("contacts of " + user + " polled")
        .atMost(WITHIN)
        .until(
            () ->
                db().sql(
                            "SELECT count(*) AS n FROM streaming_targets t WHERE t.user_id = :u"
                                + " AND t.source = 'contacts' AND t.started_job_id = t.job_id")
                        .bind("u", user)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block()
                    > 0);
  }

  private static Predicate<ContactEvent> incremental(String user) {
    return e -> user.equals(e.userId()) && e.syncType() == SyncType.INCREMENTAL_SYNC;
  }

  private static List<String> cursors(String user) {
    return db().sql("SELECT list FROM contact_sync WHERE user_id = :u")
        .bind("u", user)
        .map(row -> row.get("list", String.class))
        .all()
        .collectList()
        .block();
  }

  private static DatabaseClient db() {
    return office.bean(DatabaseClient.class);
  }

  private static List<ContactEvent> events(Predicate<ContactEvent> which) {
    return contacts.messages().stream()
        .map(m -> (ContactEvent) CODEC.decode(m.getData().toByteArray(), EventType.CONTACT))
        .filter(which)
        .toList();
  }

  /** The matching events once at least {@code count} arrived and a moment passed without more. */
  private static List<ContactEvent> settled(Predicate<ContactEvent> which, int count) {
    await().atMost(WITHIN).until(() -> events(which).size() >= count);
    int[] last = {-1};
    await()
        .atMost(WITHIN)
        .pollDelay(Duration.ofMillis(500))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              int now = events(which).size();
              boolean stable = now == last[0];
              last[0] = now;
              return stable;
            });
    return events(which);
  }
}
