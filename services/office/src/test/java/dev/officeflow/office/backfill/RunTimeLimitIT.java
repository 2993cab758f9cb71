package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job longer than the run time limit (here 2 s) checkpoints when the limit passes and continues
 * in later runs until it is done. Google's default rate with a 1 s burst paces it into small steps
 * (batches of 18 messages, about a second each).
 */
@IntegrationTest
class RunTimeLimitIT {

  private static final String USER = "slow@acme.test";

  private static GoogleSim sim;
  private static PublishedEvents published;
  private static JsonNode job;

  @BeforeAll
  static void runAJobLongerThanTheLimit() {
    QuotaSettings quota = QuotaSettings.defaults().withBurst(Duration.ofSeconds(1));
    sim = TestSims.start(quota, TestSims.account(USER, 41, 100, 20, 20));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.backfill.run-time-limit", "2s");
    published = new PublishedEvents(prefix);
    try (OfficeInstance office = OfficeInstance.start(properties)) {
      String id = Jobs.start(office, USER).path("job_id").asString();
      job = Jobs.await(office, id, "completed", Duration.ofSeconds(120));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    published.close();
    sim.close();
  }

  private static Set<String> expectedIds() {
    Set<String> ids =
        new HashSet<>(ExpectedItems.messages(sim, USER, Jobs.instant(job, "email_after")).keySet());
    ids.addAll(
        ExpectedItems.events(
                sim, USER, Jobs.instant(job, "calendar_from"), Jobs.instant(job, "calendar_to"))
            .keySet());
    return ids;
  }

  @Test
  void theJobTookSeveralRunsWithoutCountingAFailedAttempt() {
    assertThat(job.path("runs").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(job.path("attempts").asInt()).isZero();
  }

  @Test
  void eachRunContinuedWhereTheLastStopped() {
    assertThat(job.path("progress").path("fetched").asLong()).isEqualTo(expectedIds().size());
  }

  @Test
  void theRunsTogetherPublishedEveryItem() {
    String id = job.path("job_id").asString();
    Set<String> expected = ExpectedItems.keys(USER, expectedIds());

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Set<String> keys = new HashSet<>(PublishedEvents.keys(published.emailsOf(id)));
              keys.addAll(PublishedEvents.keys(published.calendarsOf(id)));
              return keys.equals(expected);
            });
  }
}
