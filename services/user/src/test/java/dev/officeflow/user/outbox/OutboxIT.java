package dev.officeflow.user.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.TestbedTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event whose publish after the commit did not happen is published by the sweeper. */
@TestbedTest
class OutboxIT {

  private final Testbed bed;

  OutboxIT(Testbed bed) {
    this.bed = bed;
  }

  @Test
  void eventLeftInTheOutboxIsPublishedBySweepAndThenRemoved() {
    String userId = UUID.randomUUID().toString();
    // Appended but never published, as when Pub/Sub was down right after the commit.
    long id =
        bed.service().bean(Outbox.class).append(deleted(userId)).block(Duration.ofSeconds(10));
    bed.sql()
        .query(
            "UPDATE event_outbox SET created_at = now() - interval '1 minute' WHERE id = ?"
                + " RETURNING id",
            id);

    bed.service().bean(OutboxSweeper.class).sweep().block(Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(30)).until(() -> !bed.userEvents(userId).isEmpty());
    assertThat(bed.sql().query("SELECT id FROM event_outbox WHERE id = ?", id)).isEmpty();
  }

  @Test
  void recentEventsAreLeftToTheRequestThatIsPublishingThem() {
    bed.service()
        .bean(Outbox.class)
        .append(deleted(UUID.randomUUID().toString()))
        .block(Duration.ofSeconds(10));

    long swept = bed.service().bean(OutboxSweeper.class).sweep().block(Duration.ofSeconds(30));

    assertThat(swept).isZero();
  }

  private UserEvent deleted(String userId) {
    String id = userId.toString();
    return new UserEvent(
        EventMetadata.create("user", "test", id, bed.clock),
        id,
        Operation.DELETE,
        null,
        bed.clock.instant(),
        bed.clock.instant(),
        null,
        null);
  }
}
