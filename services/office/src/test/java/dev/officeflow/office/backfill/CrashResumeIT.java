package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeProcess;
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
 * The office service's exec jar in a process of its own, killed with SIGKILL in the middle of a
 * backfill and started again: the job resumes from its checkpoint. Google's default quota paces the
 * job so the kill lands mid-run.
 */
@IntegrationTest
class CrashResumeIT {

  private static final String USER = "crash@acme.test";
  private static final int MESSAGES = 400;

  private static GoogleSim sim;
  private static PublishedEvents published;
  private static JsonNode job;
  private static long publishedBeforeKill;
  private static JsonNode resumedRunLog;

  @BeforeAll
  static void killAndRestart() throws Exception {
    sim = TestSims.start(QuotaSettings.defaults(), TestSims.account(USER, 21, MESSAGES, 40, 30));
    String prefix = IsolatedCatalog.apply();
    Map<String, Object> properties =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.backfill.lease-ttl", "3s");
    properties.put("officeflow.office.backfill.lease-renewal", "1s");
    published = new PublishedEvents(prefix);
    String id;
    try (OfficeProcess doomed = OfficeProcess.start(properties, "doomed")) {
      id = Jobs.start(doomed.api(), USER).path("job_id").asString();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> published(doomed, id) >= 150 && phase(doomed, id).equals("gmail"));
      doomed.kill();
      publishedBeforeKill = published(doomed.lastSeen(id));
    }
    try (OfficeProcess restarted = OfficeProcess.start(properties, "restarted")) {
      job = Jobs.await(restarted.api(), id, "completed", Duration.ofSeconds(120));
      resumedRunLog = restarted.runLog(id);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    published.close();
    sim.close();
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

  private Set<String> expectedKeys() {
    Set<String> ids =
        new HashSet<>(ExpectedItems.messages(sim, USER, Jobs.instant(job, "email_after")).keySet());
    ids.addAll(
        ExpectedItems.events(
                sim, USER, Jobs.instant(job, "calendar_from"), Jobs.instant(job, "calendar_to"))
            .keySet());
    return ExpectedItems.keys(USER, ids);
  }

  @Test
  void restartedServiceFinishesTheJobWithTheKeysOfAnUninterruptedRun() {
    Set<String> expected = expectedKeys();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                keys().size() == expected.size()
                    && published.calendarsOf(id()).size() + published.emailsOf(id()).size()
                        >= expected.size());

    assertThat(keys()).isEqualTo(expected);
  }

  @Test
  void theJobResumedFromItsCheckpointInsteadOfStartingOver() {
    int total = expectedKeys().size();

    // Counters advance only with checkpoints, so a resume counts every item exactly once.
    assertThat(job.path("progress").path("fetched").asLong()).isEqualTo(total);
    assertThat(job.path("runs").asInt()).isEqualTo(2);
    assertThat(resumedRunLog.path("itemsFetched").asLong())
        .isLessThanOrEqualTo(total - publishedBeforeKill);
  }

  @Test
  void eachRunWritesOneJsonLogLine() {
    assertThat(resumedRunLog.path("userId").asString()).isEqualTo(USER);
    assertThat(resumedRunLog.path("batchId").asString()).isEqualTo(id());
    assertThat(resumedRunLog.path("itemsInserted").asLong()).isPositive();
    assertThat(resumedRunLog.path("itemsSkipped").isNumber()).isTrue();
    assertThat(resumedRunLog.path("durationMs").asLong()).isPositive();
    assertThat(resumedRunLog.path("timedOut").asBoolean(true)).isFalse();
  }

  @Test
  void pacingAtGooglesDefaultQuotaCausesNoQuotaErrors() {
    assertThat(sim.stats().quotaErrors(USER)).isZero();
  }

  private static String id() {
    return job.path("job_id").asString();
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(PublishedEvents.keys(published.emailsOf(id())));
    keys.addAll(PublishedEvents.keys(published.calendarsOf(id())));
    return keys;
  }
}
