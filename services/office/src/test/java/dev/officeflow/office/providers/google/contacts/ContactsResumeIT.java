package dev.officeflow.office.providers.google.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.people.PeopleScopes;
import dev.officeflow.googlesim.quota.QuotaSettings;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * An address book read in pages of 40 at about one People request a second, under a 2 s run limit:
 * the job takes several runs, each resuming at the list and page its checkpoint names, and still
 * publishes each person once and stores both lists' sync tokens (carried in the checkpoint across
 * runs).
 */
@IntegrationTest
class ContactsResumeIT {

  private static final String USER = "gus.slowbook@acme.test";
  private static final EventCodec CODEC = new EventCodec();

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector contacts;
  private static JsonNode job;

  @BeforeAll
  static void readTheAddressBookInSeveralRuns() {
    QuotaSettings quota =
        QuotaSettings.defaults().withBurst(Duration.ofSeconds(1)).withPeopleRequestsPerMinute(60);
    sim =
        TestSims.start(
            quota,
            TestSims.account(USER, 31, 5, 1, 2)
                .withContacts(200, 40)
                .withAddedScopes(PeopleScopes.READ_ALL));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> p =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    p.put("officeflow.office.quota.people-requests-per-minute", 60);
    p.put("officeflow.office.google.contacts.page-size", 40);
    p.put("officeflow.office.backfill.run-time-limit", "2s");
    p.put("officeflow.office.streaming.contacts.enabled", false);
    p.put("officeflow.office.streaming.gmail.enabled", false);
    p.put("officeflow.office.streaming.calendar.enabled", false);
    pubsub = new EmulatorPubSub();
    contacts = pubsub.collect(prefix + "vespa-loader-contacts");
    office = OfficeInstance.start(p);
    String id = Jobs.start(office, USER).path("job_id").asString();
    job = Jobs.await(office, id, "completed", Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    contacts.close();
    pubsub.close();
    sim.close();
  }

  @Test
  void theJobTookSeveralRunsWithoutAFailedAttempt() {
    assertThat(job.path("runs").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(job.path("attempts").asInt()).isZero();
    assertThat(sim.stats().quotaErrors(USER)).isZero();
  }

  @Test
  void theRunsTogetherPublishedEveryPersonOnce() {
    Set<String> expected =
        Stream.concat(
                sim.admin().people().contacts(USER).stream(),
                sim.admin().people().otherContacts(USER).stream())
            .map(PersonRecord::resourceName)
            .collect(Collectors.toSet());
    String id = job.path("job_id").asString();

    await().atMost(Duration.ofSeconds(60)).until(() -> ofJob(id).size() >= expected.size());

    List<String> published = ofJob(id).stream().map(e -> e.contact().providerContactId()).toList();
    assertThat(published).doesNotHaveDuplicates();
    assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void bothListsSyncTokensAreStoredThoughTheRunsStoppedBetweenPages() {
    List<String> lists =
        office
            .bean(DatabaseClient.class)
            .sql("SELECT list FROM contact_sync WHERE user_id = :u")
            .bind("u", USER)
            .map(row -> row.get("list", String.class))
            .all()
            .collectList()
            .block();

    assertThat(lists).containsExactlyInAnyOrder("connections", "other_contacts");
  }

  private static List<ContactEvent> ofJob(String id) {
    return contacts.messages().stream()
        .map(m -> (ContactEvent) CODEC.decode(m.getData().toByteArray(), EventType.CONTACT))
        .filter(e -> id.equals(e.batchId()))
        .toList();
  }
}
