package dev.officeflow.notifier.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.notifier.stream.Notification;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationsTest {

  @Test
  void anItemCarriesItsIdsAndAFewFieldsNeverItsBodyOrRecipients() {
    Notification mail = Notifications.item(EventFixtures.emailEvent("u1", "m1"));
    assertThat(mail.type()).isEqualTo("item");
    assertThat(mail.data())
        .contains("\"kind\":\"email\"", "\"id\":\"m1\"", "\"operation\":\"create\"")
        .doesNotContain("Hello Bo", "bo@example.org", "dee@example.com", "List-Id");

    Notification meeting = Notifications.item(EventFixtures.calendarEvent("u1", "c1"));
    assertThat(meeting.data()).contains("\"kind\":\"calendar_event\"", "\"id\":\"c1\"");
    String description = EventFixtures.calendarEntry("c1").description();
    if (description != null && !description.isEmpty()) {
      assertThat(meeting.data()).doesNotContain(description);
    }
  }

  @Test
  void progressCarriesTheCountsAndTheReasonOfAFailure() {
    ProgressEvent failed =
        EventFixtures.progress(
            "u1",
            "job-1",
            2,
            dev.officeflow.events.ProgressState.FAILED,
            40,
            EventFixtures.CHANGED);
    Notification progress = Notifications.progress(failed);
    assertThat(progress.data())
        .contains(
            "\"state\":\"failed\"",
            "\"percent\":40",
            "\"estimate\":1000",
            "\"error\":\"rate limited by the provider\"");
  }

  @Test
  void dataIsOneLineEvenWhenAFieldHoldsLineBreaks() {
    Notification counts =
        Notifications.counts("items", Map.of("email\nid: 1-1", Map.of("create", 3L)));
    assertThat(counts.data()).doesNotContain("\n").contains("\\n");
  }
}
