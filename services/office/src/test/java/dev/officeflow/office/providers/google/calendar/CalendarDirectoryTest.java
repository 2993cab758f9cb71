package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CalendarDirectoryTest {

  private static final List<String> CALENDARS =
      Stream.of("b@group.calendar.google.com", "primary", "d@group.calendar.google.com")
          .sorted(CalendarDirectory.ORDER)
          .toList();

  @Test
  void primaryCalendarComesFirstThenTheOthersById() {
    assertThat(CALENDARS)
        .containsExactly("primary", "b@group.calendar.google.com", "d@group.calendar.google.com");
  }

  @Test
  void phaseStartsWithThePrimaryCalendar() {
    assertThat(CalendarDirectory.after(CALENDARS, null)).contains("primary");
  }

  @Test
  void nextCalendarFollowsInTheOrderAndNothingFollowsTheLast() {
    assertThat(CalendarDirectory.after(CALENDARS, "primary"))
        .contains("b@group.calendar.google.com");
    assertThat(CalendarDirectory.after(CALENDARS, "d@group.calendar.google.com")).isEmpty();
  }

  @Test
  void calendarGoneFromTheListIsFollowedByTheOneThatWouldHaveComeNext() {
    assertThat(CalendarDirectory.after(CALENDARS, "c@group.calendar.google.com"))
        .contains("d@group.calendar.google.com");
  }
}
