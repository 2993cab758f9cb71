package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttachment;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.EventReminder;
import dev.officeflow.events.CalendarEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarMapperTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Event meeting() {
    return new Event()
        .setId("ev1")
        .setStatus("confirmed")
        .setSummary("Planning")
        .setStart(new EventDateTime().setDateTime(new DateTime("2026-11-10T09:00:00+01:00")))
        .setEnd(new EventDateTime().setDateTime(new DateTime("2026-11-10T09:30:00+01:00")))
        .setOrganizer(new Event.Organizer().setEmail("Ana@Example.com").setDisplayName("Ana"))
        .setAttendees(
            List.of(
                new EventAttendee()
                    .setEmail("ana@example.com")
                    .setDisplayName("Ana")
                    .setOrganizer(true)
                    .setResponseStatus("accepted"),
                new EventAttendee()
                    .setEmail("Bo@Example.org")
                    .setResponseStatus("declined")
                    .setOptional(true),
                new EventAttendee().setDisplayName("Room 4 (no address)")))
        .setReminders(
            new Event.Reminders()
                .setUseDefault(false)
                .setOverrides(List.of(new EventReminder().setMethod("popup").setMinutes(10))))
        .setUpdated(new DateTime("2026-11-01T12:00:00Z"));
  }

  private static CalendarEntry map(Event event) {
    return CalendarMapper.map(event, "primary", BERLIN).orElseThrow();
  }

  @Test
  void timedEventKeepsItsInstants() {
    CalendarEntry entry = map(meeting());

    assertThat(entry.startTime()).isEqualTo(Instant.parse("2026-11-10T08:00:00Z"));
    assertThat(entry.endTime()).isEqualTo(Instant.parse("2026-11-10T08:30:00Z"));
    assertThat(entry.allDay()).isFalse();
  }

  @Test
  void allDayEventRunsFromMidnightToMidnightInTheCalendarsZone() {
    Event holiday =
        meeting()
            .setStart(new EventDateTime().setDate(new DateTime("2026-12-24")))
            .setEnd(new EventDateTime().setDate(new DateTime("2026-12-25")));

    CalendarEntry entry = map(holiday);

    assertThat(entry.allDay()).isTrue();
    assertThat(entry.startTime()).isEqualTo(Instant.parse("2026-12-23T23:00:00Z"));
    assertThat(entry.endTime()).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
  }

  @Test
  void attendeesKeepResponseStatusAndAttendeesWithoutAddressAreLeftOut() {
    CalendarEntry entry = map(meeting());

    assertThat(entry.attendees()).containsExactly("ana@example.com", "bo@example.org");
    assertThat(entry.attendeeDetails())
        .containsExactly(
            new CalendarEntry.Attendee("ana@example.com", "Ana", "accepted", true, false),
            new CalendarEntry.Attendee("bo@example.org", null, "declined", false, true));
    assertThat(entry.organizer()).isEqualTo("ana@example.com");
  }

  @Test
  void idsRemindersAndCalendarAreSet() {
    CalendarEntry entry = map(meeting());

    assertThat(entry.id()).isEqualTo("google_ev1");
    assertThat(entry.providerEventId()).isEqualTo("ev1");
    assertThat(entry.calendarId()).isEqualTo("primary");
    assertThat(entry.reminders()).containsExactly(Map.of("method", "popup", "minutes", 10));
  }

  @Test
  void recurrenceLinesAreGroupedByProperty() {
    CalendarEntry entry =
        map(
            meeting()
                .setRecurrence(
                    List.of(
                        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE",
                        "EXDATE;TZID=Europe/Berlin:20261111T090000")));

    assertThat(entry.recurrence().rrule()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO,WE");
    assertThat(entry.recurrence().exdate())
        .containsExactly("EXDATE;TZID=Europe/Berlin:20261111T090000");
  }

  @Test
  void aSingleEventHasNoRecurrence() {
    assertThat(map(meeting()).recurrence()).isNull();
  }

  @Test
  void attachmentsKeepWhatGoogleSaysOfThem() {
    CalendarEntry entry =
        map(
            meeting()
                .setAttachments(
                    List.of(
                        new EventAttachment()
                            .setFileUrl("https://drive.google.com/file/d/1")
                            .setTitle("Agenda")
                            .setMimeType("application/pdf")
                            .setFileId("1"),
                        new EventAttachment().setTitle("no url"))));

    assertThat(entry.attachments()).hasSize(1);
    assertThat(entry.attachments().get(0))
        .containsEntry("file_url", "https://drive.google.com/file/d/1")
        .containsEntry("title", "Agenda")
        .containsEntry("mime_type", "application/pdf");
  }

  @Test
  void lastUpdatedIsTheUpdatedStamp() {
    assertThat(CalendarMapper.lastUpdated(meeting()))
        .contains(Instant.parse("2026-11-01T12:00:00Z"));
  }

  @Test
  void endBeforeStartIsClampedToTheStart() {
    Event odd =
        meeting()
            .setEnd(new EventDateTime().setDateTime(new DateTime("2026-11-10T08:00:00+01:00")));

    assertThat(map(odd).endTime()).isEqualTo(map(odd).startTime());
  }

  @Test
  void eventWithoutStartIsNotAnEntry() {
    assertThat(CalendarMapper.map(meeting().setStart(null), "primary", BERLIN)).isEmpty();
  }
}
