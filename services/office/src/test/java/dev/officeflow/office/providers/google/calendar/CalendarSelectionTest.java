package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.calendar.model.CalendarListEntry;
import org.junit.jupiter.api.Test;

class CalendarSelectionTest {

  private static CalendarListEntry entry(String role) {
    return new CalendarListEntry()
        .setId("c-" + role + "@group.calendar.google.com")
        .setAccessRole(role);
  }

  @Test
  void allReadsEveryCalendarWhoseEventsAreReadableButNotFreeBusyOnes() {
    assertThat(CalendarSelection.ALL.accepts(entry("owner"))).isTrue();
    assertThat(CalendarSelection.ALL.accepts(entry("writer"))).isTrue();
    assertThat(CalendarSelection.ALL.accepts(entry("reader"))).isTrue();
    assertThat(CalendarSelection.ALL.accepts(entry("freeBusyReader"))).isFalse();
    assertThat(CalendarSelection.ALL.minAccessRole()).isEqualTo("reader");
  }

  @Test
  void ownedReadsOnlyTheCalendarsTheUserOwns() {
    assertThat(CalendarSelection.OWNED.accepts(entry("owner"))).isTrue();
    assertThat(CalendarSelection.OWNED.accepts(entry("writer"))).isFalse();
    assertThat(CalendarSelection.OWNED.accepts(entry("reader"))).isFalse();
  }

  @Test
  void primaryListsNothingAndAcceptsOnlyThePrimaryCalendar() {
    assertThat(CalendarSelection.PRIMARY.lists()).isFalse();
    assertThat(CalendarSelection.PRIMARY.accepts(entry("owner"))).isFalse();
    assertThat(CalendarSelection.PRIMARY.accepts(entry("owner").setPrimary(true))).isTrue();
  }

  @Test
  void deletedCalendarIsNotRead() {
    assertThat(CalendarSelection.ALL.accepts(entry("owner").setDeleted(true))).isFalse();
  }

  @Test
  void settingIsReadIgnoringCaseAndAnUnknownOneNamesTheAcceptedValues() {
    assertThat(CalendarSelection.of(" Owned ")).isEqualTo(CalendarSelection.OWNED);
    assertThatThrownBy(() -> CalendarSelection.of("mine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all, owned or primary")
        .hasMessageContaining("'mine'");
  }
}
