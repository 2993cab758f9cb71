package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.Operation;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.googlesim.GoogleSim;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Progress events on {@code progress} (ARCHITECTURE §3, "Progress") read back from the emulator: a
 * job's reports in sequence order, from its first to its completion, a failing job's retry and
 * failure with their reason, and a job failed from outside its run by a revoked grant.
 */
@IntegrationTest
class ProgressIT {

  private static final Duration LONG = Duration.ofSeconds(60);
  private static final String USER = "progress@acme.test";
  private static final String FAILING = "progress.failing@acme.test";
  private static final String REVOKED = "progress.revoked@acme.test";

  private static GoogleSim sim;
  private static OfficeInstance office;
  private static PublishedEvents published;

  @BeforeAll
  static void start() {
    sim =
        TestSims.start(
            TestSims.fastQuota(),
            TestSims.account(USER, 31, 600, 20, 30),
            TestSims.account(FAILING, 32, 20, 5, 5),
            TestSims.account(REVOKED, 33, 600, 20, 30));
    String prefix = IsolatedCatalog.apply();
    published = new PublishedEvents(prefix);
    Map<String, Object> properties =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.backfill.progress-interval", "100ms");
    properties.put("officeflow.office.backfill.max-attempts", 2);
    properties.put("officeflow.office.backfill.retry-backoff", "200ms");
    properties.put("officeflow.office.google.retries", 0);
    office = OfficeInstance.start(properties);
  }

  @AfterAll
  static void stop() throws Exception {
    office.close();
    published.close();
    sim.close();
  }

  @Test
  void aJobReportsItsProgressInOrderFromFirstToCompleted() {
    String job = Jobs.start(office, USER).path("job_id").asString();
    JsonNode done = Jobs.await(office, job, "completed", LONG);

    List<ProgressEvent> reports =
        await("the completion report")
            .atMost(LONG)
            .until(
                () -> published.progressOf(job),
                r -> !r.isEmpty() && r.get(r.size() - 1).state() == ProgressState.COMPLETED);

    ProgressEvent first = reports.get(0);
    ProgressEvent last = reports.get(reports.size() - 1);
    assertThat(first.operation()).isEqualTo(Operation.CREATE);
    assertThat(first.state()).isEqualTo(ProgressState.RUNNING);
    assertThat(reports.subList(1, reports.size()))
        .allSatisfy(r -> assertThat(r.operation()).isEqualTo(Operation.UPDATE));
    assertThat(reports).extracting(ProgressEvent::sequence).doesNotHaveDuplicates();
    assertThat(reports.subList(0, reports.size() - 1))
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(ProgressState.RUNNING);
              assertThat(r.provisional()).isTrue();
              assertThat(r.percent()).isLessThan(100);
            });
    assertThat(reports).extracting(ProgressEvent::processed).isSorted();
    assertThat(reports).extracting(ProgressEvent::percent).isSorted();
    // Calendar first, then mail: the recent week, then the rest of the window.
    assertThat(reports).extracting(ProgressEvent::phase).containsSubsequence("calendar", "mail");
    assertThat(reports.stream().filter(r -> r.phase().equals("mail")).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(last.provisional()).isFalse();
    assertThat(last.percent()).isEqualTo(100);
    assertThat(last.phase()).isEqualTo("done");
    assertThat(last.published()).isEqualTo(done.path("progress").path("published").asLong());
    assertThat(last.batchId()).isEqualTo(job);
    assertThat(last.userId()).isEqualTo(USER);
  }

  @Test
  void aFailingJobReportsItsRetryThenItsFailureWithTheReason() {
    sim.admin().failNext("gmail.users.messages.list", 2, 503);
    String job = Jobs.start(office, FAILING).path("job_id").asString();
    Jobs.await(office, job, "failed", LONG);

    List<ProgressEvent> reports =
        await("the failure report")
            .atMost(LONG)
            .until(
                () -> published.progressOf(job),
                r -> !r.isEmpty() && r.get(r.size() - 1).state() == ProgressState.FAILED);

    assertThat(reports)
        .extracting(ProgressEvent::state)
        .containsSubsequence(ProgressState.RETRYING, ProgressState.FAILED);
    assertThat(reports.get(reports.size() - 1).error()).contains("gave up after 2 attempts");
    assertThat(reports.get(reports.size() - 1).provisional()).isTrue();
    assertThat(reports.stream().filter(r -> r.state() == ProgressState.RETRYING))
        .allSatisfy(r -> assertThat(r.error()).contains("503"));
  }

  @Test
  void aJobFailedByARevokedGrantReportsTheFailureLast() {
    String job = Jobs.start(office, REVOKED).path("job_id").asString();
    await("the job's first report")
        .atMost(LONG)
        .until(() -> published.progressOf(job), r -> !r.isEmpty());

    office
        .bean(EventPublisher.class)
        .publish(IntegrationEvents.revoked(EventFixtures.integrationEvent(REVOKED)))
        .join();

    JsonNode failed = Jobs.await(office, job, "failed", LONG);
    List<ProgressEvent> reports =
        await("the failure report")
            .atMost(LONG)
            .until(
                () -> published.progressOf(job),
                r -> r.stream().anyMatch(e -> e.state() == ProgressState.FAILED));
    // Whatever the run sent before it noticed, the failure sorts last for a page that orders by it.
    ProgressEvent last = reports.get(reports.size() - 1);
    assertThat(last.state()).isEqualTo(ProgressState.FAILED);
    assertThat(last.error())
        .isEqualTo(failed.path("error").asString())
        .startsWith("integration revoked");
    assertThat(last.userId()).isEqualTo(REVOKED);
    assertThat(reports.subList(0, reports.size() - 1))
        .allSatisfy(r -> assertThat(r.state()).isEqualTo(ProgressState.RUNNING));
  }
}
