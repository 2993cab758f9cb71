package dev.officeflow.office.providers.microsoft.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceRulesTest {

  @Test
  void aWeeklySeriesUntilADateIsAnRrule() {
    RecurrencePattern p = pattern(RecurrencePatternType.Weekly, 2);
    p.setDaysOfWeek(List.of(DayOfWeek.Monday, DayOfWeek.Wednesday));
    RecurrenceRange r = new RecurrenceRange();
    r.setType(RecurrenceRangeType.EndDate);
    r.setEndDate(LocalDate.parse("2027-03-31"));

    assertThat(rule(p, r))
        .containsExactly("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270331");
  }

  @Test
  void theLastFridayOfEachMonthTenTimes() {
    RecurrencePattern p = pattern(RecurrencePatternType.RelativeMonthly, 1);
    p.setDaysOfWeek(List.of(DayOfWeek.Friday));
    p.setIndex(WeekIndex.Last);
    RecurrenceRange r = new RecurrenceRange();
    r.setType(RecurrenceRangeType.Numbered);
    r.setNumberOfOccurrences(10);

    assertThat(rule(p, r)).containsExactly("RRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;COUNT=10");
  }

  @Test
  void aYearlyDateWithoutEnd() {
    RecurrencePattern p = pattern(RecurrencePatternType.AbsoluteYearly, 1);
    p.setMonth(12);
    p.setDayOfMonth(24);
    RecurrenceRange r = new RecurrenceRange();
    r.setType(RecurrenceRangeType.NoEnd);

    assertThat(rule(p, r)).containsExactly("RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24");
  }

  @Test
  void noPatternIsNoRecurrence() {
    assertThat(RecurrenceRules.of(null)).isEmpty();
    assertThat(RecurrenceRules.of(new PatternedRecurrence())).isEmpty();
  }

  private static RecurrencePattern pattern(RecurrencePatternType type, int interval) {
    RecurrencePattern p = new RecurrencePattern();
    p.setType(type);
    p.setInterval(interval);
    return p;
  }

  private static List<String> rule(RecurrencePattern p, RecurrenceRange r) {
    PatternedRecurrence recurrence = new PatternedRecurrence();
    recurrence.setPattern(p);
    recurrence.setRange(r);
    return RecurrenceRules.of(recurrence).orElseThrow().rrule();
  }
}
