package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting a user removes all of that user's documents and nobody else's. */
@IntegrationTest
class UserPurgeIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

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
  void aUserDeleteEmptiesEveryGroupOfTheUserAndKeepsOtherUsersDocuments() {
    List<OfficeEvent> doomed =
        List.of(
            EventFixtures.emailEvent("doomed", "m1"),
            EventFixtures.emailEvent("doomed", "m2"),
            EventFixtures.calendarEvent("doomed", "e1"),
            EventFixtures.contactEvent("doomed", "c1"),
            EventFixtures.documentEvent("doomed", "d1"),
            EventFixtures.todoEvent("doomed", "t1"));
    app.publishAll(doomed);
    app.publish(EventFixtures.emailEvent("kept", "m1"));
    app.publish(EventFixtures.contactEvent("kept", "c1"));
    await().atMost(WAIT).until(() -> Documents.ofUser(app.sim(), "doomed").size() == 6);
    await().atMost(WAIT).until(() -> Documents.ofUser(app.sim(), "kept").size() == 2);

    app.publish(Events.userDeleted("doomed"));

    await().atMost(WAIT).until(() -> Documents.ofUser(app.sim(), "doomed").isEmpty());
    await().atMost(WAIT).until(() -> app.settled(EventType.USER, "done") == 1);
    assertThat(Documents.ofUser(app.sim(), "kept"))
        .extracting(document -> document.id())
        .containsExactlyInAnyOrder(
            "id:officeflow:email:g=kept:google_m1", "id:officeflow:contact:g=kept:google_c1");
  }
}
