package dev.officeflow.googlesim.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expands a series into occurrences. Supports the RRULE subset the simulator generates and most
 * clients send: {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL}, {@code COUNT}, {@code UNTIL};
 * other parts (BYDAY, ...) are ignored. A series without COUNT or UNTIL stops at the horizon.
 */
public final class Recurrence {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int MAX_OCCURRENCES = 730;

  private Recurrence() {}

  /** Occurrence starts, first one included, none after {@code horizon}. */
  public static List<EventTime> starts(EventRecord series, Instant horizon) {
    Map<String, String> rule = rule(series.recurrence());
    int count = Integer.parseInt(rule.getOrDefault("COUNT", String.valueOf(MAX_OCCURRENCES)));
    int interval = Integer.parseInt(rule.getOrDefault("INTERVAL", "1"));
    Instant until = until(rule.get("UNTIL"), horizon);
    List<EventTime> out = new ArrayList<>();
    for (int i = 0; i < Math.min(count, MAX_OCCURRENCES); i++) {
      EventTime start =
          shift(series.start(), rule.getOrDefault("FREQ", "WEEKLY"), (long) i * interval);
      if (start.instant().isAfter(until)) {
        break;
      }
      out.add(start);
    }
    return out;
  }

  /** The instances of a series, as {@code singleEvents=true} lists them. */
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

  private static EventTime shift(EventTime first, String freq, long steps) {
    if (first.isAllDay()) {
      LocalDate d = first.date();
      return EventTime.allDay(
          switch (freq) {
            case "DAILY" -> d.plusDays(steps);
            case "MONTHLY" -> d.plusMonths(steps);
            default -> d.plusWeeks(steps);
          });
    }
    ZonedDateTime t = first.dateTime();
    return EventTime.at(
        switch (freq) {
          case "DAILY" -> t.plusDays(steps);
          case "MONTHLY" -> t.plusMonths(steps);
          default -> t.plusWeeks(steps);
        });
  }

  private static Map<String, String> rule(List<String> lines) {
    Map<String, String> parts = new HashMap<>();
    for (String line : lines) {
      if (line.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
        for (String p : line.substring(6).split(";")) {
          int eq = p.indexOf('=');
          if (eq > 0) {
            parts.put(
                p.substring(0, eq).toUpperCase(Locale.ROOT),
                p.substring(eq + 1).toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return parts;
  }

  private static Instant until(String value, Instant horizon) {
    if (value == null) {
      return horizon;
    }
    Instant until =
        value.length() == 8
            ? LocalDate.parse(value, ID_DATE).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.from(ID_TIME.parse(value));
    return until.isBefore(horizon) ? until : horizon;
  }
}
