package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Delta rounds that fail back off instead of running again on every notification: with every Graph
 * call failing, a burst of notifications costs no further Graph request while the resource waits
 * (at least 8 s: 16 s with ±50 % jitter), the failure is counted, logged and stored with the
 * resource, and once Graph answers again the waiting round runs by itself.
 */
@IntegrationTest
@RunsAlone
class FailingRoundsIT {

  private static final String USER = "ms.failing@northwind.test";

  private static MicrosoftStreamingRig rig;

  @BeforeAll
  static void start() {
    rig =
        MicrosoftStreamingRig.start(
            Map.of(
                "officeflow.office.streaming.microsoft.round-backoff", "16s",
                "officeflow.office.streaming.microsoft.max-round-backoff", "16s"),
            USER);
    rig.streaming(USER);
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void aFailingRoundBacksOffAndIsVisibleThenRecovers() {
    rig.sim.admin().setFaults(FaultSettings.none().withErrorRate(1.0, List.of(500)));
    String first;
    try {
      first = rig.addMessage(USER, "During the outage");
      await("the first round to fail")
          .atMost(MicrosoftStreamingRig.WITHIN)
          .until(() -> failures() >= 1 && !rig.idle(USER) && notRunning());
      long requests = rig.graphRequests(USER);
      double notifications = rig.counter("notifications");

      for (int i = 0; i < 5; i++) {
        rig.addMessage(USER, "Burst " + i);
      }
      await("the burst's notifications")
          .atMost(Duration.ofSeconds(6))
          .until(() -> rig.counter("notifications") >= notifications + 5);

      assertThat(rig.graphRequests(USER))
          .as("Graph requests while backing off")
          .isEqualTo(requests);
      assertThat(failures()).isEqualTo(1);
      assertThat(lastError()).contains("500");
      assertThat(rig.counter("round_failures")).isGreaterThanOrEqualTo(1);
    } finally {
      rig.sim.admin().setFaults(FaultSettings.none());
    }

    rig.awaitEmail(e -> first.equals(e.providerItemId()));
    await("the failures to be cleared")
        .atMost(MicrosoftStreamingRig.WITHIN)
        .until(() -> failures() == 0);
  }

  private static long failures() {
    return db().sql("SELECT max(failures) AS n FROM microsoft_delta WHERE user_id = :u")
        .bind("u", USER)
        .map(row -> row.get("n", Integer.class))
        .one()
        .block();
  }

  private static boolean notRunning() {
    return db().sql(
                "SELECT count(*) AS n FROM microsoft_delta WHERE user_id = :u"
                    + " AND sync_owner IS NOT NULL")
            .bind("u", USER)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()
        == 0;
  }

  private static String lastError() {
    return db().sql(
            "SELECT string_agg(last_error, ' ') AS e FROM microsoft_delta WHERE user_id = :u")
        .bind("u", USER)
        .map(row -> row.get("e", String.class))
        .one()
        .block();
  }

  private static DatabaseClient db() {
    return rig.office.bean(DatabaseClient.class);
  }
}
