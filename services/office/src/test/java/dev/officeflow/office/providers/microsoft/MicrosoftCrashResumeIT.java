package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IdempotencyKeys;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.ContactItem;
import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeProcess;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The office's exec jar in a process of its own reading a Microsoft mailbox from graph-sim (in this
 * JVM, reached by URL), killed with SIGKILL in the middle of the mail phase and started again: the
 * job resumes from its checkpoint, and the keys published over both processes are exactly those of
 * the mailbox: every message, event occurrence and contact, none missing, none foreign. Small pages
 * paced at 5 Outlook requests a second make the kill land mid-mail.
 */
@IntegrationTest
class MicrosoftCrashResumeIT {

  private static final String USER = "gus.crash@contoso.test";
  private static final EventCodec CODEC = new EventCodec();

  private static GraphSim sim;
  private static PublishedEvents published;
  private static EmulatorPubSub pubsub;
  private static EmulatorPubSub.Collector contacts;
  private static JsonNode job;
  private static long publishedBeforeKill;

  @BeforeAll
  static void killAndRestart() throws Exception {
    sim =
        GraphSim.start(
            GraphSimConfig.defaults()
                .withPort(0)
                .withAccount(
                    AccountSpec.of(USER).withMailbox(61, 300, 20, 40, 4).withContacts(30)));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties = MicrosoftOffice.properties(prefix, sim);
    properties.put("officeflow.office.backfill.lease-ttl", "3s");
    properties.put("officeflow.office.backfill.lease-renewal", "1s");
    properties.put("officeflow.office.microsoft.mail-page-size", "10");
    properties.put("officeflow.office.microsoft.contacts-page-size", "10");
    properties.put("officeflow.office.quota.outlook-requests-per-minute", "300");
    properties.put("officeflow.office.quota.burst", "1s");
    // The test reads the backfill's keys only: no streaming round may add real-time ones.
    properties.put("officeflow.office.streaming.microsoft.enabled", "false");
    published = new PublishedEvents(prefix);
    pubsub = new EmulatorPubSub();
    contacts = pubsub.collect(prefix + "vespa-loader-contacts");
    String id;
    try (OfficeProcess doomed = OfficeProcess.start(properties, "ms-doomed")) {
      id = Jobs.start(doomed.api(), USER, "microsoft").path("job_id").asString();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> published(doomed, id) >= 80 && phase(doomed, id).equals("mail"));
      doomed.kill();
      publishedBeforeKill = published(doomed.lastSeen(id));
    }
    try (OfficeProcess restarted = OfficeProcess.start(properties, "ms-restarted")) {
      job = Jobs.await(restarted.api(), id, "completed", Duration.ofSeconds(120));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    contacts.close();
    pubsub.close();
    published.close();
    sim.close();
  }

  @Test
  void theKillLandedMidMailAndTheResumedJobPublishedTheMailboxsKeysExactly() {
    Set<String> expected = expectedKeys();
    assertThat(publishedBeforeKill).isPositive().isLessThan(expected.size());

    await()
        .atMost(Duration.ofSeconds(60))
        .during(Duration.ofSeconds(1))
        .until(() -> keys().equals(expected));

    assertThat(keys()).isEqualTo(expected);
  }

  @Test
  void countersCountEveryItemOnceAcrossTheTwoRuns() {
    assertThat(job.path("progress").path("published").asLong()).isEqualTo(expectedKeys().size());
    assertThat(job.path("runs").asInt()).isEqualTo(2);
  }

  private static long published(OfficeProcess office, String id) {
    return published(office.job(id));
  }

  private static long published(JsonNode job) {
    return job.path("progress").path("published").asLong();
  }

  private static String phase(OfficeProcess office, String id) {
    return office.job(id).path("checkpoint").path("phase").asString();
  }

  private static String id() {
    return job.path("job_id").asString();
  }

  /** What graph-sim holds for the job's windows, keyed as the office keys items. */
  private static Set<String> expectedKeys() {
    Instant after = Jobs.instant(job, "email_after");
    Instant from = Jobs.instant(job, "calendar_from");
    Instant to = Jobs.instant(job, "calendar_to");
    Set<String> ids = new HashSet<>();
    sim.admin().account(USER).messages().snapshot().live().stream()
        .filter(m -> !m.receivedDateTime().truncatedTo(ChronoUnit.SECONDS).isBefore(after))
        .map(MailItem::id)
        .forEach(ids::add);
    String account = sim.admin().account(USER).id();
    for (EventItem item : sim.admin().account(USER).events().snapshot().live()) {
      EventRecord r = item.record();
      if (r.isCancelled()) {
        continue;
      }
      if (!r.isRecurring()) {
        if (overlaps(r, from, to)) {
          ids.add(item.id());
        }
        continue;
      }
      // graph-sim names an occurrence by the series' account and the occurrence's own id.
      Recurrence.instances(r, to).stream()
          .filter(o -> overlaps(o, from, to))
          .map(o -> GraphIds.item(account, GraphIds.Kind.OCCURRENCE, o.id()))
          .forEach(ids::add);
    }
    sim.admin().account(USER).contacts().snapshot().live().stream()
        .map(ContactItem::id)
        .forEach(ids::add);
    return ids.stream().map(i -> USER + ":microsoft:" + i).collect(Collectors.toSet());
  }

  private static boolean overlaps(EventRecord r, Instant from, Instant to) {
    return r.end().instant().isAfter(from) && r.start().instant().isBefore(to);
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(PublishedEvents.keys(published.emailsOf(id())));
    keys.addAll(PublishedEvents.keys(published.calendarsOf(id())));
    contacts.messages().stream()
        .map(m -> (ContactEvent) CODEC.decode(m.getData().toByteArray(), EventType.CONTACT))
        .filter(e -> id().equals(e.batchId()))
        .map(IdempotencyKeys::item)
        .forEach(keys::add);
    return keys;
  }
}
