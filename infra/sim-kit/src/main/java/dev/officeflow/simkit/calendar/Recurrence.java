package dev.officeflow.simkit.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;

/**
 * Expands a series into occurrences as the providers do, with lib-recur (RFC 5545): every RRULE
 * part ({@code FREQ}, {@code INTERVAL}, {@code BYDAY}, {@code COUNT}, {@code UNTIL}, ...), {@code
 * RDATE}, {@code EXRULE} and {@code EXDATE} ({@code TZID}, UTC and date values), in the time zone
 * of the series' start; the start is always the first occurrence. A series without an end stops at
 * the horizon.
 */
public final class Recurrence {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int MAX_OCCURRENCES = 730;

  private Recurrence() {}

  /** Occurrence starts, first one included, none after {@code horizon}, in order. */
  public static List<EventTime> starts(EventRecord series, Instant horizon) {
    ZoneId zone = series.start().isAllDay() ? ZoneOffset.UTC : series.start().dateTime().getZone();
    TimeZone tz = TimeZone.getTimeZone(zone);
    Iterator<DateTime> all =
        RecurrenceLines.of(series.recurrence(), first(series.start(), tz), tz).iterator();
    List<EventTime> out = new ArrayList<>();
    while (all.hasNext() && out.size() < MAX_OCCURRENCES) {
      EventTime start = eventTime(all.next(), zone);
      if (start.instant().isAfter(horizon)) {
        break;
      }
      out.add(start);
    }
    return out;
  }

  /**
   * The instances of a series, as Calendar's {@code singleEvents=true} lists them: ids {@code
   * <series>_<yyyyMMddTHHmmssZ>} (or {@code _<yyyyMMdd>} all day).
   */
  public static List<EventRecord> instances(EventRecord series, Instant horizon) {
    Duration length = Duration.between(series.start().instant(), series.end().instant());
    List<EventRecord> out = new ArrayList<>();
    for (EventTime start : starts(series, horizon)) {
      EventTime end =
          start.isAllDay()
              ? EventTime.allDay(start.date().plusDays(length.toDays()))
              : EventTime.at(start.dateTime().plus(length));
      out.add(series.instance(start, end, series.id() + "_" + idSuffix(start)));
    }
    return out;
  }

  private static String idSuffix(EventTime start) {
    return start.isAllDay() ? ID_DATE.format(start.date()) : ID_TIME.format(start.instant());
  }

  private static DateTime first(EventTime start, TimeZone tz) {
    if (start.isAllDay()) {
      LocalDate d = start.date();
      return new DateTime(d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth());
    }
    return new DateTime(tz, start.instant().toEpochMilli());
  }

  private static EventTime eventTime(DateTime occurrence, ZoneId zone) {
    if (occurrence.isAllDay()) {
      return EventTime.allDay(
          LocalDate.of(
              occurrence.getYear(), occurrence.getMonth() + 1, occurrence.getDayOfMonth()));
    }
    return EventTime.at(
        ZonedDateTime.ofInstant(Instant.ofEpochMilli(occurrence.getTimestamp()), zone));
  }
}
