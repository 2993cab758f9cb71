package dev.officeflow.googlesim.admin;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/** An event to add to one of an account's calendars; the owner organizes it. */
public record NewEvent(
    String summary,
    ZonedDateTime start,
    ZonedDateTime end,
    List<String> attendeeEmails,
    String description,
    String location) {

  public NewEvent {
    attendeeEmails = List.copyOf(attendeeEmails);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an event must end after it starts");
    }
  }

  public static NewEvent of(
      String summary, ZonedDateTime start, Duration length, List<String> attendees) {
    return new NewEvent(summary, start, start.plus(length), attendees, "", "");
  }
}
