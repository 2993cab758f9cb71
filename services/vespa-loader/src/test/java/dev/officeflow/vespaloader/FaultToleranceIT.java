package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespasim.Faults;
import dev.officeflow.vespasim.SimStats;
import dev.officeflow.vespasim.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vespa pushing back (429) and briefly unavailable (503) loses and duplicates nothing. */
@IntegrationTest
class FaultToleranceIT {

  private static final int EMAILS = 300;

  private LoaderApp app;

  @BeforeEach
  void start() {
    app = LoaderApp.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void withThirtyPercentOfRequestsAnswered429Or503EveryDocumentArrivesOnceAndNoneIsDeadLettered() {
    app.sim().setFaults(new Faults(0.3, List.of(429, 503), 0));
    List<EmailEvent> emails =
        IntStream.range(0, EMAILS).mapToObj(i -> EventFixtures.emailEvent("u1", "m" + i)).toList();
    try (EmulatorPubSub.Collector deadLetters = app.deadLetters(EventType.EMAIL)) {

      app.publishAll(emails);

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> app.sim().documents("email", "u1").size() == EMAILS);
      SimStats stats = app.sim().stats();
      assertThat(stats.faultsInjected()).isGreaterThan(EMAILS / 10);
      assertThat(app.sim().documents("email", "u1"))
          .extracting(StoredDocument::id)
          .containsExactlyInAnyOrderElementsOf(
              emails.stream()
                  .map(e -> "id:officeflow:email:g=u1:google_" + e.providerItemId())
                  .toList());
      assertThat(stats.documents()).containsEntry("email", EMAILS);
      assertThat(deadLetters.messages()).isEmpty();
    }
  }
}
