package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CalendarPositionTest {

  @Test
  void positionSurvivesTheCheckpointWithItsCalendarAndPage() {
    CalendarPosition at = new CalendarPosition("team;x%y@group.calendar.google.com", "p;2==");

    assertThat(CalendarPosition.parse(at.wire())).isEqualTo(at);
  }

  @Test
  void firstPageOfACalendarHasNoPageToken() {
    CalendarPosition start = CalendarPosition.start("team@group.calendar.google.com");

    assertThat(CalendarPosition.parse(start.wire())).isEqualTo(start);
    assertThat(start.pageToken()).isNull();
  }

  @Test
  void phaseStartHasNoPosition() {
    assertThat(CalendarPosition.parse(null)).isNull();
  }

  @Test
  void tokenStoredBeforeSeveralCalendarsIsAPageOfThePrimaryCalendar() {
    assertThat(CalendarPosition.parse("CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA"))
        .isEqualTo(new CalendarPosition("primary", "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA"));
  }

  @Test
  void truncatedPositionIsRefusedWithWhatItHeld() {
    assertThatThrownBy(() -> CalendarPosition.parse("cal;team"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cal;team");
  }
}
