package dev.officeflow.graphsim.calendar;

import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.web.Json;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A series' RFC 5545 rule as Graph's {@code patternedRecurrence}: {@code pattern} (type daily,
 * weekly, absoluteMonthly, relativeMonthly or absoluteYearly; interval; daysOfWeek; dayOfMonth;
 * month; firstDayOfWeek; index) and {@code range} (numbered, endDate or noEnd; startDate; endDate;
 * numberOfOccurrences; recurrenceTimeZone). The first {@code RRULE} line counts; others are not
 * shown.
 */
final class RecurrencePattern {

  private static final DateTimeFormatter UNTIL_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RecurrencePattern() {}

  static ObjectNode of(EventRecord series) {
    Map<String, String> rule = rule(series.recurrence());
    EventTime start = series.start();
    ZoneId zone = start.isAllDay() ? ZoneOffset.UTC : start.dateTime().getZone();
    LocalDate startDate = start.isAllDay() ? start.date() : start.dateTime().toLocalDate();
    String freq = rule.getOrDefault("FREQ", "WEEKLY");
    List<String> days = days(rule.get("BYDAY"), startDate);
    ObjectNode out = Json.object();
    ObjectNode pattern = out.putObject("pattern");
    pattern.put("type", type(freq, rule));
    pattern.put("interval", Integer.parseInt(rule.getOrDefault("INTERVAL", "1")));
    pattern.put("month", freq.equals("YEARLY") ? startDate.getMonthValue() : 0);
    pattern.put(
        "dayOfMonth",
        freq.equals("MONTHLY") || freq.equals("YEARLY") ? startDate.getDayOfMonth() : 0);
    ArrayNode daysOfWeek = pattern.putArray("daysOfWeek");
    if (freq.equals("WEEKLY") || rule.containsKey("BYDAY")) {
      days.forEach(daysOfWeek::add);
    }
    pattern.put("firstDayOfWeek", "sunday");
    pattern.put("index", "first");
    ObjectNode range = out.putObject("range");
    range.put(
        "type",
        rule.containsKey("COUNT") ? "numbered" : rule.containsKey("UNTIL") ? "endDate" : "noEnd");
    range.put("startDate", startDate.toString());
    range.put("endDate", rule.containsKey("UNTIL") ? until(rule.get("UNTIL"), zone) : "0001-01-01");
    range.put("recurrenceTimeZone", WindowsZones.windowsName(zone));
    range.put("numberOfOccurrences", Integer.parseInt(rule.getOrDefault("COUNT", "0")));
    return out;
  }

  private static Map<String, String> rule(List<String> lines) {
    Map<String, String> out = new HashMap<>();
    lines.stream()
        .filter(l -> l.startsWith("RRULE:"))
        .findFirst()
        .ifPresent(
            l -> {
              for (String part : l.substring("RRULE:".length()).split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                  out.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1));
                }
              }
            });
    return out;
  }

  private static String type(String freq, Map<String, String> rule) {
    return switch (freq) {
      case "DAILY" -> "daily";
      case "MONTHLY" -> rule.containsKey("BYDAY") ? "relativeMonthly" : "absoluteMonthly";
      case "YEARLY" -> "absoluteYearly";
      default -> "weekly";
    };
  }

  private static List<String> days(String byDay, LocalDate start) {
    List<String> out = new ArrayList<>();
    if (byDay == null || byDay.isBlank()) {
      out.add(name(start.getDayOfWeek()));
      return out;
    }
    for (String d : byDay.split(",")) {
      String code = d.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day.name().startsWith(code)) {
          out.add(name(day));
        }
      }
    }
    return out;
  }

  private static String name(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }

  private static String until(String value, ZoneId zone) {
    if (value.length() == 8) {
      return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).toString();
    }
    return UNTIL_UTC.parse(value, java.time.Instant::from).atZone(zone).toLocalDate().toString();
  }
}
