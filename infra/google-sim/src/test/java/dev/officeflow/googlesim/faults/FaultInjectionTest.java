package dev.officeflow.googlesim.faults;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.WatchRequest;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Gmail gmail;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    gmail = SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aQueuedFailureHitsExactlyTheNextCall() throws IOException {
    sim.admin().failNext(1, 503);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> gmail.users().getProfile("me").execute());

    assertThat(e.getStatusCode()).isEqualTo(503);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("backendError");
    assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(ALICE);
    assertThat(sim.stats().faultsInjected()).isEqualTo(1);
  }

  @Test
  void failuresQueuedForOneMethodHitOnlyThatMethod() throws IOException {
    sim.admin().failNext("gmail.users.watch", 2, 503);
    WatchRequest watch = new WatchRequest().setTopicName("projects/p/topics/gmail-push");

    assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(ALICE);
    for (int i = 0; i < 2; i++) {
      GoogleJsonResponseException e =
          catchThrowableOfType(
              GoogleJsonResponseException.class, () -> gmail.users().watch("me", watch).execute());
      assertThat(e.getStatusCode()).isEqualTo(503);
    }
    assertThat(gmail.users().watch("me", watch).execute().getHistoryId()).isNotNull();
    assertThat(sim.stats().faultsInjected()).isEqualTo(2);
  }

  @Test
  void anErrorRateOfOneFailsEveryCallWithTheConfiguredStatus() {
    sim.admin().setFaults(FaultSettings.none().withErrorRate(1.0, List.of(500)));

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> gmail.users().messages().list("me").execute());

    assertThat(e.getStatusCode()).isEqualTo(500);
  }

  @Test
  void addedLatencyDelaysTheResponse() throws IOException {
    sim.admin().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(300)));

    long started = System.nanoTime();
    gmail.users().getProfile("me").execute();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }
}
