package dev.officeflow.graphsim.account;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * An event the owner organizes, added to the calendar.
 *
 * @param allDay true makes it an all-day event over the dates of start and end (end exclusive)
 * @param recurrence RFC 5545 lines ({@code RRULE:FREQ=WEEKLY;COUNT=4}) for a series, else empty
 */
public record NewEvent(
    String subject,
    ZonedDateTime start,
    ZonedDateTime end,
    boolean allDay,
    List<String> attendees,
    String body,
    String location,
    List<String> recurrence) {

  public NewEvent {
    attendees = List.copyOf(attendees);
    recurrence = List.copyOf(recurrence);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an event must end after it starts");
    }
  }

  public static NewEvent of(
      String subject, ZonedDateTime start, ZonedDateTime end, List<String> attendees) {
    return new NewEvent(subject, start, end, false, attendees, "", "", List.of());
  }
}
