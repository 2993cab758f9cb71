package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaBudget;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An office that believes the project's Calendar budget larger than google-sim's (a
 * misconfiguration, or another client spending the same project): google-sim refuses calls for the
 * project's budget, in Google's shape, and the office counts them as the project's, through the
 * official client's parsing of the answer.
 */
@IntegrationTest
class QuotaRefusalsIT {

  @Test
  void projectRefusalsAreCountedAsTheProjects() throws Exception {
    // One Calendar request a minute for the whole project: its 10 s burst holds one request, and
    // two users' backfills make several at once.
    QuotaSettings quota =
        TestSims.fastQuota().withProjectCalendarRequestsPerMinute(6).withCalendarStatus(403);
    try (GoogleSim sim =
        TestSims.start(
            quota,
            TestSims.account("a@acme.test", 81, 5, 0, 30),
            TestSims.account("b@acme.test", 82, 5, 0, 30))) {
      Map<String, Object> properties =
          new HashMap<>(
              OfficeProperties.of(
                  IsolatedCatalog.apply(), Infrastructure.createDatabase("office"), sim));
      properties.put("officeflow.office.quota.calendar-project-requests-per-minute", 10_000);
      try (OfficeInstance office = OfficeInstance.start(properties)) {
        Jobs.start(office, "a@acme.test");
        Jobs.start(office, "b@acme.test");
        MeterRegistry registry = office.bean(MeterRegistry.class);

        await().atMost(Duration.ofSeconds(30)).until(() -> refusals(registry, "project") > 0);

        // Read ours first: every refusal we count, google-sim has counted before answering.
        long counted = (long) refusals(registry, "project");
        assertThat(sim.stats().quotaErrors(ApiKind.CALENDAR, QuotaBudget.PROJECT))
            .isGreaterThanOrEqualTo(counted);
        assertThat(refusals(registry, "user")).isZero();
        assertThat(sim.stats().totalQuotaErrors(QuotaBudget.USER)).isZero();
      }
    }
  }

  private static double refusals(MeterRegistry registry, String budget) {
    Counter counter =
        registry
            .find("officeflow.office.quota.refusals")
            .tag("api", "calendar")
            .tag("budget", budget)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
