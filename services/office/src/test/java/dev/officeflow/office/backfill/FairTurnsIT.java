package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Turns (BackfillSettings#turn) against google-sim at Google's default per-user quota: with one job
 * slot, three large mailboxes already running and a small one connecting last, the small one gets a
 * turn within seconds and finishes before any of the large ones; without turns it would wait for
 * all three.
 */
@IntegrationTest
@RunsAlone
class FairTurnsIT {

  private static final Duration LONG = Duration.ofSeconds(120);
  private static final List<String> LARGE =
      List.of("turns.a@acme.test", "turns.b@acme.test", "turns.c@acme.test");
  private static final String SMALL = "turns.small@acme.test";

  private static GoogleSim sim;
  private static OfficeInstance office;

  @BeforeAll
  static void start() {
    sim =
        TestSims.start(
            QuotaSettings.defaults(),
            TestSims.account(LARGE.get(0), 41, 400, 10, 5),
            TestSims.account(LARGE.get(1), 42, 400, 10, 5),
            TestSims.account(LARGE.get(2), 43, 400, 10, 5),
            TestSims.account(SMALL, 44, 30, 5, 5));
    Map<String, Object> properties =
        new HashMap<>(
            OfficeProperties.of(
                IsolatedCatalog.apply(), Infrastructure.createDatabase("office"), sim));
    properties.put("officeflow.office.backfill.max-concurrent-jobs", 1);
    properties.put("officeflow.office.backfill.turn", "1s");
    office = OfficeInstance.start(properties);
  }

  @AfterAll
  static void stop() {
    office.close();
    sim.close();
  }

  private static Instant finished(String job) {
    return Instant.parse(Jobs.await(office, job, "completed", LONG).path("finished_at").asString());
  }

  @Test
  void theUserWhoConnectsLastIsNotStuckBehindEarlierLargeMailboxes() {
    List<String> large =
        LARGE.stream().map(u -> Jobs.start(office, u).path("job_id").asString()).toList();
    String small = Jobs.start(office, SMALL).path("job_id").asString();

    Instant smallDone = finished(small);
    List<Instant> largeDone = large.stream().map(FairTurnsIT::finished).toList();

    assertThat(largeDone).allSatisfy(t -> assertThat(t).isAfter(smallDone));
    assertThat(sim.stats().totalQuotaErrors()).isZero();
  }
}
