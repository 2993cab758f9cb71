package dev.officeflow.contacts.discovery;

import dev.officeflow.events.Recurrence;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * The occurrences of a meeting up to a horizon: one for a single event, each instance for a series.
 * A weekly 1:1 is many meetings, not one. lib-recur expands the series as RFC 5545 defines it: the
 * start, every RRULE (all parts, BYDAY included) and RDATE, less every EXRULE and EXDATE.
 *
 * <p>The event carries instants, not its time zone, so the series is expanded in the zone of the
 * first {@code TZID} its RDATE or EXDATE lines name, else in UTC; values without {@code TZID} or
 * {@code Z} are in that zone. An all-day series is expanded in dates, from the date its start
 * instant falls on (exact for calendar zones from UTC-11 to UTC+12), each occurrence as many days
 * after the start instant. Unreadable lines are skipped.
 */
final class Occurrences {

  private static final int MAX_OCCURRENCES = 366;

  private Occurrences() {}

  /** Occurrence starts in order, the first included, none after {@code horizon}. */
  static List<Instant> of(
      Instant start, boolean allDay, @Nullable Recurrence recurrence, Instant horizon) {
    if (recurrence == null || recurrence.isEmpty()) {
      return List.of(start);
    }
    TimeZone zone = TimeZone.getTimeZone(zone(recurrence).orElse(ZoneOffset.UTC));
    LocalDate firstDay = start.plus(Duration.ofHours(12)).atOffset(ZoneOffset.UTC).toLocalDate();
    DateTime first = allDay ? allDay(firstDay) : new DateTime(zone, start.toEpochMilli());
    List<Instant> out = new ArrayList<>();
    try {
      Iterator<DateTime> all = set(recurrence, first, zone).iterator();
      while (all.hasNext() && out.size() < MAX_OCCURRENCES) {
        DateTime next = all.next();
        Instant at =
            next.isAllDay()
                ? start.plus(Duration.ofDays(ChronoUnit.DAYS.between(firstDay, date(next))))
                : Instant.ofEpochMilli(next.getTimestamp());
        if (at.isAfter(horizon)) {
          break;
        }
        out.add(at);
      }
    } catch (IllegalArgumentException e) {
      // lib-recur refuses a rule it cannot iterate: the occurrences read so far stand.
    }
    return out;
  }

  private static RecurrenceSet set(Recurrence recurrence, DateTime first, TimeZone zone) {
    List<RecurrenceSet> included = new ArrayList<>(List.of(new OfList(first)));
    List<RecurrenceSet> excluded = new ArrayList<>();
    for (String line : recurrence.rrule()) {
      rule(line, first, zone).map(r -> new OfRuleAndFirst(r, first)).ifPresent(included::add);
    }
    for (String line : recurrence.exrule()) {
      rule(line, first, zone).map(r -> new OfRule(r, first)).ifPresent(excluded::add);
    }
    recurrence.rdate().forEach(line -> dates(line, first, zone).ifPresent(included::add));
    recurrence.exdate().forEach(line -> dates(line, first, zone).ifPresent(excluded::add));
    RecurrenceSet all = new Merged(included);
    return excluded.isEmpty() ? all : new Difference(all, new Merged(excluded));
  }

  /** The zone of the first {@code TZID} parameter on an RDATE or EXDATE line that Java knows. */
  private static Optional<ZoneId> zone(Recurrence recurrence) {
    List<String> dated = new ArrayList<>(recurrence.rdate());
    dated.addAll(recurrence.exdate());
    return dated.stream().map(Occurrences::tzid).flatMap(Optional::stream).findFirst();
  }

  private static Optional<RecurrenceRule> rule(String line, DateTime first, TimeZone zone) {
    if (!line.regionMatches(true, 0, "RRULE", 0, 5)
        && !line.regionMatches(true, 0, "EXRULE", 0, 6)) {
      return Optional.empty();
    }
    try {
      RecurrenceRule rule = new RecurrenceRule(value(line));
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
   * series means through the end of that day; a floating time is in the series' zone; a time for an
   * all-day series means its date.
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

  /** An RDATE or EXDATE line's values of the start's kind (date or date-time), if any. */
  private static Optional<RecurrenceSet> dates(String line, DateTime first, TimeZone zone) {
    TimeZone tz = tzid(line).map(TimeZone::getTimeZone).orElse(zone);
    List<DateTime> dates = new ArrayList<>();
    for (String v : value(line).split(",")) {
      // A PERIOD value (start/end or start/duration) recurs at its start.
      String at = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
      try {
        DateTime date = DateTime.parse(tz, at.trim());
        if (date.isAllDay() == first.isAllDay()) {
          dates.add(date);
        }
      } catch (IllegalArgumentException e) {
        // not a date or date-time: skipped
      }
    }
    return dates.isEmpty() ? Optional.empty() : Optional.of(new OfList(dates));
  }

  /** The value of a content line: what follows the first colon outside a quoted parameter. */
  private static String value(String line) {
    return line.substring(valueColon(line) + 1).trim();
  }

  private static Optional<ZoneId> tzid(String line) {
    int colon = valueColon(line);
    String[] head = line.substring(0, Math.max(colon, 0)).split(";");
    for (int i = 1; i < head.length; i++) {
      if (head[i].regionMatches(true, 0, "TZID=", 0, 5)) {
        try {
          return Optional.of(ZoneId.of(head[i].substring(5).replace("\"", "").trim()));
        } catch (DateTimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static int valueColon(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static DateTime allDay(LocalDate day) {
    return new DateTime(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
  }

  private static LocalDate date(DateTime day) {
    return LocalDate.of(day.getYear(), day.getMonth() + 1, day.getDayOfMonth());
  }
}
