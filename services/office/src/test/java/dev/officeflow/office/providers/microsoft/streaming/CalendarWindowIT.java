package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calendar view's delta window moves with time. With a window of 20 s either side of "now" and
 * a shift of 3 s, an event beyond the first window's end (an event planned long ahead) is published
 * once the window has moved over it, and an event the window has passed is not deleted.
 */
@IntegrationTest
@RunsAlone
class CalendarWindowIT {

  private static final String USER = "ms.window@northwind.test";

  private static MicrosoftStreamingRig rig;
  private static String ahead;
  private static String passing;
  private static Instant firstEnd;
  private static Instant passingEnd;

  @BeforeAll
  static void start() {
    rig =
        MicrosoftStreamingRig.start(
            Map.of(
                "officeflow.office.streaming.microsoft.calendar-back", "20s",
                "officeflow.office.streaming.microsoft.calendar-ahead", "20s",
                "officeflow.office.streaming.microsoft.calendar-shift", "3s",
                "officeflow.office.streaming.microsoft.catch-up-margin", "1s"),
            USER);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ahead = addEvent("Planned long ago", now.plusSeconds(40), now.plusSeconds(100));
    passingEnd = now.plusSeconds(2);
    passing = addEvent("Nearly over", now.minusSeconds(15), passingEnd);
    rig.streaming(USER);
    firstEnd = windowEnd();
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void anEventBeyondTheFirstWindowIsPublishedOnceTheWindowReachesIt() {
    assertThat(rig.published.calendars(e -> ahead.equals(e.providerItemId()))).isEmpty();

    List<CalendarEvent> arrived =
        await("the event ahead, once the window has moved over it")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(2))
            .until(
                () -> {
                  pollNow();
                  return rig.published.calendars(e -> ahead.equals(e.providerItemId()));
                },
                l -> !l.isEmpty());

    assertThat(arrived.get(0).operation()).isNotEqualTo(Operation.DELETE);
    assertThat(arrived.get(0).event().title()).isEqualTo("Planned long ago");
    assertThat(windowEnd()).isAfter(firstEnd);
  }

  @Test
  void anEventTheWindowHasPassedIsNotDeleted() {
    await("the window to have moved past the event")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              pollNow();
              // The window's start is its end less 40 s.
              return windowEnd().minusSeconds(40).isAfter(passingEnd);
            });

    assertThat(
            rig.published.calendars(
                e -> passing.equals(e.providerItemId()) && e.operation() == Operation.DELETE))
        .isEmpty();
  }

  /** The safety-net round of every resource, at once. */
  private static void pollNow() {
    rig.syncedAgo(USER, Duration.ofHours(1));
    rig.office.bean(StreamingReconciler.class).tick().block(MicrosoftStreamingRig.WITHIN);
    await().atMost(MicrosoftStreamingRig.WITHIN).until(() -> rig.idle(USER));
  }

  private static Instant windowEnd() {
    return rig.windowEnd(USER);
  }

  private static String addEvent(String subject, Instant start, Instant end) {
    return rig.admin(
            "POST",
            "admin/accounts/" + USER + "/events",
            "{\"subject\":\""
                + subject
                + "\",\"start\":\""
                + start
                + "\",\"end\":\""
                + end
                + "\",\"attendees\":[\"bo@fabrikam.test\"]}")
        .get("id")
        .asString();
  }
}
