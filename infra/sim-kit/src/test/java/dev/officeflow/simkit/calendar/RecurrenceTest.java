package dev.officeflow.simkit.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.Merged;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant FAR = Instant.parse("2027-12-31T00:00:00Z");

  /** Mondays and Wednesdays at 10:00 in Berlin from Monday 19 October 2026, across the DST end. */
  private static final ZonedDateTime FIRST = ZonedDateTime.of(2026, 10, 19, 10, 0, 0, 0, BERLIN);

  private static final String RULE = "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8";
  private static final String EXDATE_IN_ZONE = "EXDATE;TZID=Europe/Berlin:20261021T100000";
  private static final String EXDATE_IN_UTC = "EXDATE:20261102T090000Z";

  @Test
  void weeklyMeetingOnMondaysAndWednesdaysWithTwoExdatesListsExactlyTheLibrarysInstances()
      throws Exception {
    EventRecord series = timed(FIRST, RULE, EXDATE_IN_ZONE, EXDATE_IN_UTC);

    List<EventRecord> instances = Recurrence.instances(series, FAR);

    // Eight rule instances (COUNT counts before exclusion) less Wed 21 Oct and Mon 2 Nov; 10:00
    // local is 08:00Z in summer time and 09:00Z after 25 October.
    List<Instant> byHand =
        List.of(
            Instant.parse("2026-10-19T08:00:00Z"),
            Instant.parse("2026-10-26T09:00:00Z"),
            Instant.parse("2026-10-28T09:00:00Z"),
            Instant.parse("2026-11-04T09:00:00Z"),
            Instant.parse("2026-11-09T09:00:00Z"),
            Instant.parse("2026-11-11T09:00:00Z"));
    List<Instant> listed = instances.stream().map(e -> e.start().instant()).toList();
    assertThat(listed).containsExactlyElementsOf(byHand).isEqualTo(libraryInstances());
    assertThat(instances)
        .extracting(EventRecord::id)
        .containsExactly(
            "s1_20261019T080000Z",
            "s1_20261026T090000Z",
            "s1_20261028T090000Z",
            "s1_20261104T090000Z",
            "s1_20261109T090000Z",
            "s1_20261111T090000Z");
  }

  @Test
  void instancesKeepTheSeriesLengthAndPointBackToIt() {
    EventRecord first = Recurrence.instances(timed(FIRST, RULE), FAR).get(0);

    assertThat(first.end().dateTime()).isEqualTo(FIRST.plusMinutes(45));
    assertThat(first.recurringEventId()).isEqualTo("s1");
    assertThat(first.originalStartTime()).isEqualTo(first.start());
  }

  @Test
  void aSimpleWeeklyCountKeepsTheLocalTimeAcrossSummerTime() {
    List<EventTime> starts = Recurrence.starts(timed(FIRST, "RRULE:FREQ=WEEKLY;COUNT=3"), FAR);

    assertThat(starts)
        .extracting(EventTime::dateTime)
        .containsExactly(FIRST, FIRST.plusWeeks(1), FIRST.plusWeeks(2));
  }

  @Test
  void anRdateAddsAnOccurrenceInItsOwnZone() {
    List<EventTime> starts =
        Recurrence.starts(
            timed(
                FIRST, "RRULE:FREQ=WEEKLY;COUNT=2", "RDATE;TZID=America/New_York:20261022T090000"),
            FAR);

    assertThat(starts)
        .extracting(EventTime::instant)
        .containsExactly(
            FIRST.toInstant(),
            Instant.parse("2026-10-22T13:00:00Z"),
            FIRST.plusWeeks(1).toInstant());
  }

  @Test
  void aDateUntilOnATimedSeriesIncludesThatDay() {
    List<EventTime> starts =
        Recurrence.starts(timed(FIRST, "RRULE:FREQ=DAILY;UNTIL=20261021"), FAR);

    assertThat(starts).hasSize(3);
  }

  @Test
  void anAllDaySeriesSkipsADateExdate() {
    EventRecord series =
        allDay(
            LocalDate.of(2026, 10, 19),
            "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261028",
            "EXDATE;VALUE=DATE:20261021");

    assertThat(Recurrence.starts(series, FAR))
        .extracting(EventTime::date)
        .containsExactly(
            LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 28));
  }

  @Test
  void aSeriesWithoutAnEndStopsAtTheHorizon() {
    Instant horizon = FIRST.plusDays(2).toInstant();

    assertThat(Recurrence.starts(timed(FIRST, "RRULE:FREQ=DAILY"), horizon)).hasSize(3);
  }

  @Test
  void anUnreadableRuleLeavesTheFirstOccurrence() {
    assertThat(Recurrence.starts(timed(FIRST, "RRULE:INTERVAL=2"), FAR))
        .extracting(EventTime::dateTime)
        .containsExactly(FIRST);
  }

  /** The same series expanded by lib-recur directly, without the simulator's line reading. */
  private static List<Instant> libraryInstances() throws Exception {
    TimeZone berlin = TimeZone.getTimeZone(BERLIN);
    DateTime start = new DateTime(berlin, FIRST.toInstant().toEpochMilli());
    List<Instant> out = new ArrayList<>();
    for (DateTime d :
        new Difference(
            new OfRuleAndFirst(new RecurrenceRule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8"), start),
            new Merged(
                new OfList(berlin, "20261021T100000"),
                new OfList(DateTime.UTC, "20261102T090000Z")))) {
      out.add(Instant.ofEpochMilli(d.getTimestamp()));
    }
    return out;
  }

  private static EventRecord timed(ZonedDateTime start, String... lines) {
    return series(EventTime.at(start), EventTime.at(start.plusMinutes(45)), lines);
  }

  private static EventRecord allDay(LocalDate day, String... lines) {
    return series(EventTime.allDay(day), EventTime.allDay(day.plusDays(1)), lines);
  }

  private static EventRecord series(EventTime start, EventTime end, String... lines) {
    Person owner = new Person("owner@acme.test", "Owner", true);
    Instant created = Instant.parse("2026-10-01T00:00:00Z");
    return new EventRecord(
        "s1",
        "confirmed",
        "Sync",
        "",
        "",
        null,
        owner,
        owner,
        start,
        end,
        List.of(lines),
        null,
        null,
        List.of(new Attendee("bo@partner.test", "Bo", "accepted", false, false, false)),
        null,
        List.of(),
        "default",
        created,
        created,
        0);
  }
}
