package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.IntegrationEvents;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Incremental windows by coverage (ARCHITECTURE §7) against google-sim at Google's default quota
 * (which paces a job slowly enough to stop it halfway), the emulator and PostgreSQL: a job stopped
 * halfway by a disconnect, then a reconnect, whose job reads only what the first did not.
 */
@IntegrationTest
class CoverageIT {

  private static final Duration LONG = Duration.ofSeconds(120);
  private static final String USER = "coverage@acme.test";

  /** One batch request of {@code messages.get}: the step a stopped run may leave unrecorded. */
  private static final int BATCH = 100;

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static PublishedEvents published;

  @BeforeAll
  static void start() {
    sim = TestSims.start(QuotaSettings.defaults(), TestSims.account(USER, 22, 400, 40, 30));
    String prefix = IsolatedCatalog.apply();
    published = new PublishedEvents(prefix);
    office =
        OfficeInstance.start(
            OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    sim.close();
  }

  @Test
  void aJobStoppedHalfwayThenAReconnectReadsTheRestOnceAndLeavesNoGap() {
    String first = Jobs.start(office, USER).path("job_id").asString();
    await("half the mail").atMost(LONG).until(() -> published.emailsOf(first).size() >= 150);
    publish(IntegrationEvents.deleted(EventFixtures.integrationEvent(USER)));
    JsonNode stopped = Jobs.await(office, first, "cancelled", LONG);
    long firstMail = stopped.path("progress").path("published").asLong() - calendar(stopped);

    publish(EventFixtures.integrationEvent(USER));
    String second =
        await("the reconnect's job").atMost(LONG).until(() -> other(first), id -> id != null);
    JsonNode done = Jobs.await(office, second, "completed", LONG);

    Set<String> expected =
        ExpectedItems.keys(
            USER, ExpectedItems.messages(sim, USER, Jobs.instant(stopped, "email_after")).keySet());
    long secondMail = done.path("progress").path("published").asLong() - calendar(done);
    await("the second job's mail")
        .atMost(LONG)
        .until(() -> published.emailsOf(second).size() == secondMail);
    Set<String> keys = new HashSet<>(PublishedEvents.keys(published.emailsOf(first)));
    keys.addAll(PublishedEvents.keys(published.emailsOf(second)));

    // No gap: every message of the window was published by one job or the other.
    assertThat(keys).containsAll(expected);
    // Nothing the first job had checkpointed is read again: its counters move only with
    // checkpoints, so together the two jobs count each message once.
    assertThat(firstMail).isBetween(150L - BATCH, (long) expected.size());
    assertThat(firstMail + secondMail).isEqualTo(expected.size());
    // Read twice: at most the batch in flight when the first job stopped (published, never
    // checkpointed), and nothing else.
    Set<String> twice = sharedIds(first, second);
    assertThat(twice).hasSizeLessThanOrEqualTo(BATCH);
    assertThat(sim.stats().requests("gmail.users.messages.get"))
        .isEqualTo(expected.size() + twice.size());
  }

  private static long calendar(JsonNode job) {
    return ExpectedItems.events(
            sim, USER, Jobs.instant(job, "calendar_from"), Jobs.instant(job, "calendar_to"))
        .size();
  }

  private static String other(String first) {
    return office
        .get("/internal/backfill?user_id=" + USER)
        .body()
        .path("jobs")
        .valueStream()
        .map(j -> j.path("job_id").asString())
        .filter(id -> !id.equals(first))
        .findFirst()
        .orElse(null);
  }

  private static Set<String> sharedIds(String first, String second) {
    Set<String> a = ids(published.emailsOf(first));
    a.retainAll(ids(published.emailsOf(second)));
    return a;
  }

  private static Set<String> ids(List<EmailEvent> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.email().providerMessageId()));
    return ids;
  }

  private static void publish(IntegrationEvent event) {
    office.bean(EventPublisher.class).publish(event).join();
  }
}
