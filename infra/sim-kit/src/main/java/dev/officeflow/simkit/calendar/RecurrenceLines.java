package dev.officeflow.simkit.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.Merged;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRule;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;
import org.jspecify.annotations.Nullable;

/**
 * Reads a series' recurrence content lines ({@code RRULE:...}, {@code RDATE;VALUE=DATE:...}, {@code
 * EXDATE;TZID=Europe/Berlin:...}, {@code EXRULE:...}) into a lib-recur {@link RecurrenceSet}: the
 * first start and every RRULE and RDATE, less every EXRULE and EXDATE (RFC 5545 §3.8.5). Values
 * without {@code TZID} or {@code Z} are in the series' zone; values of the other kind than the
 * start (a date beside a date-time) and lines that cannot be read are skipped, as lenient as a
 * calendar client. Expansion itself is lib-recur's.
 */
final class RecurrenceLines {

  private record Line(String name, @Nullable String tzid, String value) {}

  private RecurrenceLines() {}

  static RecurrenceSet of(List<String> lines, DateTime first, TimeZone zone) {
    List<RecurrenceSet> included = new ArrayList<>(List.of(new OfList(first)));
    List<RecurrenceSet> excluded = new ArrayList<>();
    for (String text : lines) {
      Optional<Line> line = line(text);
      if (line.isEmpty()) {
        continue;
      }
      String value = line.get().value();
      switch (line.get().name()) {
        case "RRULE" ->
            rule(value, first, zone).ifPresent(r -> included.add(new OfRuleAndFirst(r, first)));
        case "EXRULE" ->
            rule(value, first, zone).ifPresent(r -> excluded.add(new OfRule(r, first)));
        case "RDATE" -> dates(line.get(), first, zone).ifPresent(included::add);
        case "EXDATE" -> dates(line.get(), first, zone).ifPresent(excluded::add);
        default -> {}
      }
    }
    RecurrenceSet all = new Merged(included);
    return excluded.isEmpty() ? all : new Difference(all, new Merged(excluded));
  }

  /** {@code NAME;PARAM=V;...:VALUE}, with the TZID parameter if there is one. */
  private static Optional<Line> line(String text) {
    int colon = valueColon(text);
    if (colon < 0) {
      return Optional.empty();
    }
    String[] head = text.substring(0, colon).split(";");
    String tzid = null;
    for (int i = 1; i < head.length; i++) {
      if (head[i].regionMatches(true, 0, "TZID=", 0, 5)) {
        tzid = head[i].substring(5).replace("\"", "").trim();
      }
    }
    String name = head[0].trim().toUpperCase(Locale.ROOT);
    return Optional.of(new Line(name, tzid, text.substring(colon + 1).trim()));
  }

  /** The colon that starts the value: the first one outside a quoted parameter value. */
  private static int valueColon(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<RecurrenceRule> rule(String value, DateTime first, TimeZone zone) {
    try {
      RecurrenceRule rule = new RecurrenceRule(value);
      DateTime until = rule.getUntil();
      if (until != null) {
        rule.setUntil(untilLike(until, first, zone));
      }
      return Optional.of(rule);
    } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * UNTIL as the same kind of value as the start, which lib-recur requires: a date for a timed
   * series means through the end of that day in the series' zone; a floating time is in that zone;
   * a time for an all-day series means its date.
   */
  private static DateTime untilLike(DateTime until, DateTime first, TimeZone zone) {
    if (first.isAllDay()) {
      return until.isAllDay() ? until : until.toAllDay();
    }
    if (until.isAllDay()) {
      return new DateTime(
          zone, until.getYear(), until.getMonth(), until.getDayOfMonth(), 23, 59, 59);
    }
    return until.isFloating() ? until.swapTimeZone(zone) : until;
  }

  private static Optional<RecurrenceSet> dates(Line line, DateTime first, TimeZone zone) {
    TimeZone tz = line.tzid() == null ? zone : zone(line.tzid()).orElse(zone);
    List<DateTime> dates = new ArrayList<>();
    for (String v : line.value().split(",")) {
      // A PERIOD value (start/end or start/duration) recurs at its start.
      String start = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
      try {
        DateTime date = DateTime.parse(tz, start.trim());
        if (date.isAllDay() == first.isAllDay()) {
          dates.add(date);
        }
      } catch (IllegalArgumentException e) {
        // not a date or date-time: skipped
      }
    }
    return dates.isEmpty() ? Optional.empty() : Optional.of(new OfList(dates));
  }

  private static Optional<TimeZone> zone(String tzid) {
    try {
      return Optional.of(TimeZone.getTimeZone(ZoneId.of(tzid)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
