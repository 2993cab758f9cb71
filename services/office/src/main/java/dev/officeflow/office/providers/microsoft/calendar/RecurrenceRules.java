package dev.officeflow.office.providers.microsoft.calendar;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import dev.officeflow.events.Recurrence;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A series master's Graph {@code recurrence} (a pattern and a range) as the RFC 5545 rule Google's
 * events carry, so consumers read one form: {@code daily} → {@code FREQ=DAILY}, {@code weekly} with
 * its days → {@code FREQ=WEEKLY;BYDAY=MO,WE}, {@code absoluteMonthly} → {@code BYMONTHDAY}, {@code
 * relativeMonthly} → {@code BYDAY} with {@code BYSETPOS} (the week index, {@code last} = -1), the
 * yearly kinds with {@code BYMONTH}; {@code INTERVAL} above 1; the range as {@code UNTIL} (its end
 * date) or {@code COUNT}. Occurrences from a calendar view carry no recurrence: each is an item.
 */
final class RecurrenceRules {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private RecurrenceRules() {}

  static Optional<Recurrence> of(@Nullable PatternedRecurrence recurrence) {
    if (recurrence == null
        || recurrence.getPattern() == null
        || recurrence.getPattern().getType() == null) {
      return Optional.empty();
    }
    RecurrencePattern p = recurrence.getPattern();
    List<String> parts = new ArrayList<>();
    parts.add("FREQ=" + frequency(p));
    if (p.getInterval() != null && p.getInterval() > 1) {
      parts.add("INTERVAL=" + p.getInterval());
    }
    pattern(p, parts);
    range(recurrence.getRange(), parts);
    return Optional.of(Recurrence.fromLines(List.of("RRULE:" + String.join(";", parts))));
  }

  private static String frequency(RecurrencePattern p) {
    return switch (p.getType()) {
      case Daily -> "DAILY";
      case Weekly -> "WEEKLY";
      case AbsoluteMonthly, RelativeMonthly -> "MONTHLY";
      case AbsoluteYearly, RelativeYearly -> "YEARLY";
    };
  }

  private static void pattern(RecurrencePattern p, List<String> parts) {
    boolean yearly =
        switch (p.getType()) {
          case AbsoluteYearly, RelativeYearly -> true;
          default -> false;
        };
    if (yearly && p.getMonth() != null && p.getMonth() > 0) {
      parts.add("BYMONTH=" + p.getMonth());
    }
    switch (p.getType()) {
      case Weekly, RelativeMonthly, RelativeYearly -> days(p.getDaysOfWeek(), parts);
      case AbsoluteMonthly, AbsoluteYearly -> {
        if (p.getDayOfMonth() != null && p.getDayOfMonth() > 0) {
          parts.add("BYMONTHDAY=" + p.getDayOfMonth());
        }
      }
      default -> {}
    }
    boolean relative =
        switch (p.getType()) {
          case RelativeMonthly, RelativeYearly -> true;
          default -> false;
        };
    if (relative && p.getIndex() != null) {
      parts.add("BYSETPOS=" + position(p.getIndex()));
    }
  }

  private static void days(@Nullable List<DayOfWeek> days, List<String> parts) {
    if (days != null && !days.isEmpty()) {
      parts.add(
          "BYDAY="
              + String.join(
                  ",",
                  days.stream()
                      .map(d -> d.getValue().substring(0, 2).toUpperCase(Locale.ROOT))
                      .toList()));
    }
  }

  private static int position(WeekIndex index) {
    return switch (index) {
      case First -> 1;
      case Second -> 2;
      case Third -> 3;
      case Fourth -> 4;
      case Last -> -1;
    };
  }

  private static void range(@Nullable RecurrenceRange range, List<String> parts) {
    if (range == null || range.getType() == null) {
      return;
    }
    if (range.getType() == RecurrenceRangeType.EndDate && range.getEndDate() != null) {
      parts.add("UNTIL=" + DATE.format(range.getEndDate()));
    } else if (range.getType() == RecurrenceRangeType.Numbered
        && range.getNumberOfOccurrences() != null
        && range.getNumberOfOccurrences() > 0) {
      parts.add("COUNT=" + range.getNumberOfOccurrences());
    }
  }
}
