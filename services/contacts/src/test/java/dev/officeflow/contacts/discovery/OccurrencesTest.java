package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

  private final Instant start = Instant.parse("2026-10-01T09:00:00Z");
  private final Instant far = start.plus(Duration.ofDays(365));

  /** Monday 19 October 2026, 10:00 in Berlin (summer time). */
  private final Instant monday = Instant.parse("2026-10-19T08:00:00Z");

  @Test
  void weeklySeriesWithCountExpandsToEachOccurrence() {
    List<Instant> all = Occurrences.of(start, false, lines("RRULE:FREQ=WEEKLY;COUNT=4"), far);

    assertThat(all).hasSize(4).last().isEqualTo(start.plus(Duration.ofDays(21)));
  }

  @Test
  void occurrencesStopAtTheHorizon() {
    assertThat(
            Occurrences.of(start, false, lines("RRULE:FREQ=DAILY"), start.plus(Duration.ofDays(2))))
        .hasSize(3);
  }

  @Test
  void singleEventIsOneOccurrence() {
    assertThat(Occurrences.of(start, false, null, start)).containsExactly(start);
  }

  @Test
  void byDayAndExdatesFollowTheZoneTheExdatesName() {
    List<Instant> all =
        Occurrences.of(
            monday,
            false,
            lines(
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6",
                "EXDATE;TZID=Europe/Berlin:20261021T100000",
                "EXDATE;TZID=Europe/Berlin:20261102T100000"),
            far);

    // 10:00 in Berlin: 08:00Z until 25 October, 09:00Z after.
    assertThat(all)
        .containsExactly(
            monday,
            Instant.parse("2026-10-26T09:00:00Z"),
            Instant.parse("2026-10-28T09:00:00Z"),
            Instant.parse("2026-11-04T09:00:00Z"));
  }

  @Test
  void anExdateInUtcRemovesTheOccurrenceAtThatInstant() {
    List<Instant> all =
        Occurrences.of(
            start, false, lines("RRULE:FREQ=DAILY;COUNT=3", "EXDATE:20261002T090000Z"), far);

    assertThat(all).containsExactly(start, start.plus(Duration.ofDays(2)));
  }

  @Test
  void anRdateAddsAnOccurrence() {
    List<Instant> all =
        Occurrences.of(
            start,
            false,
            lines("RRULE:FREQ=WEEKLY;COUNT=2", "RDATE;VALUE=DATE-TIME:20261003T150000Z"),
            far);

    assertThat(all)
        .containsExactly(
            start, Instant.parse("2026-10-03T15:00:00Z"), start.plus(Duration.ofDays(7)));
  }

  @Test
  void anAllDaySeriesSkipsADateExdateAndKeepsTheCalendarsMidnight() {
    Instant midnightInBerlin = Instant.parse("2026-11-01T23:00:00Z");

    List<Instant> all =
        Occurrences.of(
            midnightInBerlin,
            true,
            lines("RRULE:FREQ=DAILY;UNTIL=20261105", "EXDATE;VALUE=DATE:20261103"),
            far);

    assertThat(all)
        .containsExactly(
            midnightInBerlin,
            midnightInBerlin.plus(Duration.ofDays(2)),
            midnightInBerlin.plus(Duration.ofDays(3)));
  }

  @Test
  void anUnreadableRuleLeavesTheFirstOccurrence() {
    assertThat(Occurrences.of(start, false, lines("RRULE:COUNT=3"), far)).containsExactly(start);
  }

  private static Recurrence lines(String... lines) {
    return Recurrence.fromLines(List.of(lines));
  }
}
