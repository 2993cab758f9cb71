package dev.officeflow.simkit.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** An event's start or end: a zoned date-time, or a date for all-day events (end exclusive). */
public record EventTime(@Nullable ZonedDateTime dateTime, @Nullable LocalDate date) {

  public EventTime {
    if ((dateTime == null) == (date == null)) {
      throw new IllegalArgumentException("exactly one of dateTime and date must be set");
    }
  }

  public static EventTime at(ZonedDateTime dateTime) {
    return new EventTime(dateTime, null);
  }

  public static EventTime allDay(LocalDate date) {
    return new EventTime(null, date);
  }

  public boolean isAllDay() {
    return date != null;
  }

  /** The instant it denotes; an all-day date counts from midnight UTC. */
  public Instant instant() {
    return dateTime != null ? dateTime.toInstant() : date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
