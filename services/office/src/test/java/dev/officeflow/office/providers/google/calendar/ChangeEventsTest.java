package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final CalendarKey KEY = CalendarKey.primary("u1", "google");

  private final ChangeEvents events =
      new ChangeEvents("office", "test", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eventUnchangedSinceCreationIsACreate() {
    CalendarEvent event = map(event("e1", "2026-11-20T09:00:00Z", "2026-11-20T09:00:00Z"));

    assertThat(event.operation()).isEqualTo(Operation.CREATE);
    assertThat(event.lastUpdated()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
  }

  @Test
  void eventChangedAfterCreationIsAnUpdate() {
    CalendarEvent event = map(event("e1", "2026-11-20T09:00:00Z", "2026-11-21T09:00:00Z"));

    assertThat(event.operation()).isEqualTo(Operation.UPDATE);
    assertThat(event.lastUpdated()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
  }

  @Test
  void cancelledEventWithOnlyIdAndStatusIsADeleteOfThatEvent() {
    CalendarEvent event = map(new Event().setId("e1").setStatus("cancelled"));

    assertThat(event.operation()).isEqualTo(Operation.DELETE);
    assertThat(event.providerItemId()).isEqualTo("e1");
    assertThat(event.event().id()).isEqualTo("google_e1");
    assertThat(event.lastUpdated()).isEqualTo(NOW);
  }

  private CalendarEvent map(Event item) {
    return events.of(KEY, "me@acme.test", item, ZoneOffset.UTC, SyncType.REAL_TIME).orElseThrow();
  }

  private static Event event(String id, String created, String updated) {
    return new Event()
        .setId(id)
        .setStatus("confirmed")
        .setSummary("Sync")
        .setCreated(new DateTime(created))
        .setUpdated(new DateTime(updated))
        .setStart(new EventDateTime().setDateTime(new DateTime("2026-11-25T09:00:00Z")))
        .setEnd(new EventDateTime().setDateTime(new DateTime("2026-11-25T10:00:00Z")));
  }
}
