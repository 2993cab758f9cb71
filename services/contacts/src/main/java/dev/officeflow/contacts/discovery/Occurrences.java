package dev.officeflow.contacts.discovery;

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
 * The occurrences of a meeting up to a horizon: one for a single event, each instance for a series
 * ({@code RRULE} with {@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL}, {@code COUNT}, {@code
 * UNTIL}; other rule parts are ignored). A weekly 1:1 is many meetings, not one.
 */
final class Occurrences {

  private static final DateTimeFormatter UNTIL_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCCURRENCES = 366;

  private Occurrences() {}

  static List<Instant> of(Instant start, List<String> recurrence, Instant horizon) {
    Map<String, String> rule = rule(recurrence);
    if (rule.isEmpty()) {
      return List.of(start);
    }
    int count = parse(rule.get("COUNT"), MAX_OCCURRENCES);
    int interval = Math.max(1, parse(rule.get("INTERVAL"), 1));
    Instant until = until(rule.get("UNTIL"), horizon);
    String freq = rule.getOrDefault("FREQ", "WEEKLY");
    ZonedDateTime first = start.atZone(ZoneOffset.UTC);
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < Math.min(count, MAX_OCCURRENCES); i++) {
      Instant next = shift(first, freq, (long) i * interval).toInstant();
      if (next.isAfter(until)) {
        break;
      }
      out.add(next);
    }
    return out;
  }

  private static ZonedDateTime shift(ZonedDateTime first, String freq, long steps) {
    return switch (freq) {
      case "DAILY" -> first.plusDays(steps);
      case "MONTHLY" -> first.plusMonths(steps);
      case "YEARLY" -> first.plusYears(steps);
      default -> first.plusWeeks(steps);
    };
  }

  private static Map<String, String> rule(List<String> lines) {
    Map<String, String> parts = new HashMap<>();
    for (String line : lines) {
      if (!line.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
        continue;
      }
      for (String part : line.substring(6).split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          parts.put(
              part.substring(0, eq).toUpperCase(Locale.ROOT),
              part.substring(eq + 1).toUpperCase(Locale.ROOT));
        }
      }
    }
    return parts;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Instant until(String value, Instant horizon) {
    if (value == null) {
      return horizon;
    }
    try {
      Instant until =
          value.length() == 8
              ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
                  .plusDays(1)
                  .atStartOfDay(ZoneOffset.UTC)
                  .toInstant()
              : Instant.from(UNTIL_TIME.parse(value));
      return until.isBefore(horizon) ? until : horizon;
    } catch (RuntimeException e) {
      return horizon;
    }
  }
}
