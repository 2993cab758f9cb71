package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.SimStats;
import dev.officeflow.googlesim.quota.QuotaBudget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Four users backfilled at once by two office instances, against google-sim with Google's default
 * per-user quotas and a project quota of two users' worth (Gmail 12,000 units a minute, Calendar
 * 1,200 and People 180 requests), set alike in the office. Each user's 200 messages (1,000 units)
 * fit their own bucket's burst, so per-user pacing alone would fire 4,000 units at a project bucket
 * of 2,000: only the shared project bucket keeps google-sim from refusing.
 */
@IntegrationTest
@RunsAlone
class ProjectQuotaBackfillIT {

  private static final int USERS = 4;
  private static final int MESSAGES = 200;

  private static GoogleSim sim;
  private static OfficeInstance first;
  private static OfficeInstance second;
  private static List<JsonNode> jobs;
  private static double seconds;

  @BeforeAll
  static void backfillFourUsersOnTwoInstances() {
    AccountSpec[] accounts =
        IntStream.range(0, USERS)
            .mapToObj(i -> TestSims.account(user(i), 60 + i, MESSAGES, 20, 20))
            .toArray(AccountSpec[]::new);
    QuotaSettings quota =
        QuotaSettings.defaults()
            .withProjectGmailUnitsPerMinute(2 * 6_000)
            .withProjectCalendarRequestsPerMinute(2 * 600)
            .withProjectPeopleRequestsPerMinute(2 * 90);
    sim = TestSims.start(quota, accounts);
    String prefix = IsolatedCatalog.apply();
    // The office learns the sim's project limits (and per-user ones) from OfficeProperties.
    Map<String, Object> properties =
        new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
    first = OfficeInstance.start(OfficeProperties.instance(properties, "first"));
    second = OfficeInstance.start(OfficeProperties.instance(properties, "second"));
    long start = System.nanoTime();
    List<String> ids =
        IntStream.range(0, USERS)
            .mapToObj(
                i -> Jobs.start(i % 2 == 0 ? first : second, user(i)).path("job_id").asString())
            .toList();
    jobs =
        ids.stream().map(id -> Jobs.await(first, id, "completed", Duration.ofSeconds(50))).toList();
    seconds = (System.nanoTime() - start) / 1e9;
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    sim.close();
  }

  private static String user(int i) {
    return "shared-" + i + "@acme.test";
  }

  @Test
  void everyJobCompletesWithEveryMessage() {
    assertThat(jobs).hasSize(USERS);
    assertThat(jobs)
        .allSatisfy(job -> assertThat(job.path("status").asString()).isEqualTo("completed"));
    assertThat(sim.stats().requests("gmail.users.messages.get")).isEqualTo((long) USERS * MESSAGES);
  }

  @Test
  void googleRefusedNothingOfEitherBudget() {
    SimStats stats = sim.stats();
    System.out.printf(
        "project quota: %d Gmail units in %.1f s (%.0f/s against 200/s and a 2,000 burst)%n",
        stats.totalGmailUnits(), seconds, stats.totalGmailUnits() / seconds);

    assertThat(stats.totalQuotaErrors(QuotaBudget.PROJECT)).isZero();
    assertThat(stats.totalQuotaErrors(QuotaBudget.USER)).isZero();
    assertThat(stats.totalQuotaErrors()).isZero();
  }

  @Test
  void theProjectBudgetBoundTheRun() {
    // More than the project's burst was spent, so the run had to wait for its refill: at 200
    // units/s the remainder takes this long at least (the office spends 97 % of it).
    double atLeast = (sim.stats().totalGmailUnits() - 2_000) / 200.0;

    assertThat(seconds).isGreaterThanOrEqualTo(atLeast);
  }

  @Test
  void theOfficeCountedNoRefusals() {
    for (OfficeInstance office : List.of(first, second)) {
      assertThat(
              office.bean(MeterRegistry.class).find("officeflow.office.quota.refusals").counters())
          .isEmpty();
    }
  }
}
