package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeClient;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job that failed all its attempts: the job API shows it failed with its reason and attempt
 * count, and {@code POST /internal/backfill/{id}/restart} queues it again from its checkpoint.
 * Google's default rate with a 1 s burst paces the job (batches of 18 messages, about a second
 * each), so faults can be switched on while it is in the middle of the mailbox.
 */
@IntegrationTest
class JobRestartIT {

  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final String SLOW = "restart.slow@acme.test";
  private static final String QUICK = "restart.quick@acme.test";
  private static final String BUSY = "restart.busy@acme.test";

  private static GoogleSim sim;
  private static OfficeInstance office;

  @BeforeAll
  static void start() {
    QuotaSettings quota = QuotaSettings.defaults().withBurst(Duration.ofSeconds(1));
    sim =
        TestSims.start(
            quota,
            TestSims.account(SLOW, 43, 100, 10, 10),
            TestSims.account(QUICK, 44, 3, 1, 2),
            TestSims.account(BUSY, 45, 3, 1, 2));
    Map<String, Object> properties =
        new HashMap<>(
            OfficeProperties.of(
                IsolatedCatalog.apply(), Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.google.retries", 0);
    office = OfficeInstance.start(properties);
  }

  @AfterAll
  static void stop() {
    office.close();
    sim.close();
  }

  @Test
  void jobThatFailedAllItsAttemptsShowsWhyAndRestartsFromItsCheckpoint() {
    String id = Jobs.start(office, SLOW).path("job_id").asString();
    JsonNode midway =
        awaitJob(
            id,
            job ->
                "gmail".equals(phase(job)) && job.path("progress").path("fetched").asLong() > 20);
    sim.admin().setFaults(FaultSettings.none().withErrorRate(1.0, List.of(503)));

    JsonNode failed = Jobs.await(office, id, "failed", WITHIN);
    sim.admin().setFaults(FaultSettings.none());
    OfficeClient.Answer restarted = office.post("/internal/backfill/" + id + "/restart", Map.of());
    JsonNode done = Jobs.await(office, id, "completed", WITHIN);

    assertThat(failed.path("attempts").asInt()).isEqualTo(5);
    assertThat(failed.path("error").asString()).startsWith("gave up after 5 attempts: ");
    assertThat(phase(failed)).isEqualTo("gmail");
    assertThat(failed.path("progress").path("fetched").asLong())
        .isGreaterThanOrEqualTo(midway.path("progress").path("fetched").asLong());
    assertThat(restarted.status()).isEqualTo(200);
    assertThat(restarted.body().path("status").asString()).isIn("queued", "running");
    assertThat(restarted.body().path("attempts").asInt()).isZero();
    // Counters move only with checkpoints: a job read again from the start would count twice.
    assertThat(done.path("progress").path("fetched").asLong()).isEqualTo(expectedItems(done));
  }

  @Test
  void restartOfAJobThatDidNotFailIsAConflict() {
    String id = Jobs.start(office, QUICK).path("job_id").asString();
    Jobs.await(office, id, "completed", WITHIN);

    OfficeClient.Answer answer = office.post("/internal/backfill/" + id + "/restart", Map.of());

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().path("code").asString()).isEqualTo("conflict");
    assertThat(answer.body().path("job_id").asString()).isEqualTo(id);
  }

  @Test
  void restartWhileTheUserHasAnotherActiveJobIsAConflictNamingThatJob() {
    sim.admin().setFaults(FaultSettings.none().withErrorRate(1.0, List.of(503)));
    String failed = Jobs.start(office, BUSY).path("job_id").asString();
    Jobs.await(office, failed, "failed", WITHIN);
    String active = Jobs.start(office, BUSY).path("job_id").asString();

    OfficeClient.Answer answer = office.post("/internal/backfill/" + failed + "/restart", Map.of());

    sim.admin().setFaults(FaultSettings.none());
    office.delete("/internal/backfill/" + active);
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().path("job_id").asString()).isEqualTo(active);
  }

  @Test
  void restartOfAnUnknownJobIsNotFound() {
    OfficeClient.Answer answer =
        office.post("/internal/backfill/3f2c7f0e-0000-4000-8000-000000000000/restart", Map.of());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().path("code").asString()).isEqualTo("not_found");
  }

  private static long expectedItems(JsonNode job) {
    return ExpectedItems.messages(sim, SLOW, Jobs.instant(job, "email_after")).size()
        + ExpectedItems.events(
                sim, SLOW, Jobs.instant(job, "calendar_from"), Jobs.instant(job, "calendar_to"))
            .size();
  }

  private static String phase(JsonNode job) {
    return job.path("checkpoint").path("phase").asString();
  }

  private static JsonNode awaitJob(String id, java.util.function.Predicate<JsonNode> condition) {
    return await("job " + id)
        .atMost(WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> office.get("/internal/backfill/" + id).body(), condition);
  }
}
