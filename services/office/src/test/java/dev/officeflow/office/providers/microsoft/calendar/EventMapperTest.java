package dev.officeflow.office.providers.microsoft.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.ResponseStatus;
import com.microsoft.graph.models.ResponseType;
import com.microsoft.graph.models.Sensitivity;
import dev.officeflow.events.CalendarEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMapperTest {

  @Test
  void timesInTheirZoneBecomeInstants() {
    Event e = event();
    e.setStart(time("2026-12-01T09:00:00.0000000", "UTC"));
    e.setEnd(time("2026-12-01T10:30:00.0000000", "Europe/Berlin"));

    CalendarEntry entry = EventMapper.map(e).orElseThrow();

    assertThat(entry.startTime()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(entry.endTime()).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
    assertThat(entry.allDay()).isFalse();
  }

  @Test
  void anAllDayEventRunsMidnightToMidnight() {
    Event e = event();
    e.setIsAllDay(true);
    e.setStart(time("2026-12-03T00:00:00.0000000", "UTC"));
    e.setEnd(time("2026-12-04T00:00:00.0000000", "UTC"));

    CalendarEntry entry = EventMapper.map(e).orElseThrow();

    assertThat(entry.allDay()).isTrue();
    assertThat(entry.startTime()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    assertThat(entry.endTime()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
  }

  @Test
  void attendeesKeepTheirResponsesInGooglesWords() {
    Event e = event();
    e.setAttendees(
        List.of(
            attendee("Bea@Fabrikam.test", "Bea", ResponseType.Accepted, AttendeeType.Required),
            attendee(
                "cy@contoso.test",
                "cy@contoso.test",
                ResponseType.TentativelyAccepted,
                AttendeeType.Optional),
            attendee("dee@contoso.test", "Dee", ResponseType.None, AttendeeType.Required),
            attendee("eve@contoso.test", "Eve", ResponseType.Declined, AttendeeType.Required)));

    CalendarEntry entry = EventMapper.map(e).orElseThrow();

    assertThat(entry.attendeeDetails())
        .containsExactly(
            new CalendarEntry.Attendee("bea@fabrikam.test", "Bea", "accepted", false, false),
            new CalendarEntry.Attendee("cy@contoso.test", null, "tentative", false, true),
            new CalendarEntry.Attendee("dee@contoso.test", "Dee", "needsAction", false, false),
            new CalendarEntry.Attendee("eve@contoso.test", "Eve", "declined", false, false));
    assertThat(entry.attendees())
        .containsExactly(
            "bea@fabrikam.test", "cy@contoso.test", "dee@contoso.test", "eve@contoso.test");
    assertThat(entry.organizer()).isEqualTo("ana@contoso.test");
  }

  @Test
  void theOccurrenceIsItsOwnItemOnThePrimaryCalendar() {
    Event e = event();
    e.setSeriesMasterId("AAMkSeries");
    e.setSensitivity(Sensitivity.Private);

    CalendarEntry entry = EventMapper.map(e).orElseThrow();

    assertThat(entry.id()).isEqualTo("microsoft_AAMkOcc1");
    assertThat(entry.providerEventId()).isEqualTo("AAMkOcc1");
    assertThat(entry.calendarId()).isEqualTo("primary");
    assertThat(entry.visibility()).isEqualTo("private");
    assertThat(entry.provider()).isEqualTo("microsoft");
  }

  @Test
  void aCancelledMeetingIsCancelled() {
    Event e = event();
    e.setIsCancelled(true);

    assertThat(EventMapper.cancelled(e)).isTrue();
    assertThat(EventMapper.map(e).orElseThrow().status()).isEqualTo("cancelled");
  }

  @Test
  void lastUpdatedIsTheLastModification() {
    Event e = event();
    e.setLastModifiedDateTime(OffsetDateTime.parse("2026-11-30T08:00:00Z"));

    assertThat(EventMapper.lastUpdated(e)).contains(Instant.parse("2026-11-30T08:00:00Z"));
  }

  @Test
  void anEventWithoutAStartIsNoEntry() {
    Event e = event();
    e.setStart(null);

    assertThat(EventMapper.map(e)).isEmpty();
  }

  private static Event event() {
    Event e = new Event();
    e.setId("AAMkOcc1");
    e.setSubject("Planning");
    e.setStart(time("2026-12-01T09:00:00.0000000", "UTC"));
    e.setEnd(time("2026-12-01T10:00:00.0000000", "UTC"));
    Recipient organizer = new Recipient();
    EmailAddress address = new EmailAddress();
    address.setName("Ana");
    address.setAddress("Ana@Contoso.test");
    organizer.setEmailAddress(address);
    e.setOrganizer(organizer);
    return e;
  }

  private static DateTimeTimeZone time(String local, String zone) {
    DateTimeTimeZone t = new DateTimeTimeZone();
    t.setDateTime(local);
    t.setTimeZone(zone);
    return t;
  }

  private static Attendee attendee(
      String address, String name, ResponseType response, AttendeeType type) {
    EmailAddress a = new EmailAddress();
    a.setAddress(address);
    a.setName(name);
    ResponseStatus status = new ResponseStatus();
    status.setResponse(response);
    Attendee at = new Attendee();
    at.setEmailAddress(a);
    at.setStatus(status);
    at.setType(type);
    return at;
  }
}
