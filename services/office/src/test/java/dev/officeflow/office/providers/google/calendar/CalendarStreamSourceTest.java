package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.adapter.ProviderFailure.Kind;
import dev.officeflow.office.providers.google.GoogleFailure;
import org.junit.jupiter.api.Test;

class CalendarStreamSourceTest {

  private static final CalendarKey PRIMARY = CalendarKey.primary("u1", "google");
  private static final CalendarKey HOLIDAYS =
      new CalendarKey("u1", "google", "en.usa#holiday@group.v.calendar.google.com");

  private static GoogleFailure failure(Kind kind, int status) {
    return new GoogleFailure(kind, status, "calendar.events.watch: " + status, null, null);
  }

  @Test
  void secondaryCalendarWhoseChannelIsRefusedForGoodIsLeftToTheSafetyNet() {
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, failure(Kind.REJECTED, 400))).isTrue();
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, failure(Kind.FORBIDDEN, 403)))
        .isTrue();
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, failure(Kind.NOT_FOUND, 404)))
        .isTrue();
  }

  @Test
  void failureThatMayPassFailsTheUserSoTheReconcilerBacksOff() {
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, failure(Kind.SERVER, 503))).isFalse();
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, failure(Kind.RATE_LIMITED, 429)))
        .isFalse();
    assertThat(CalendarStreamSource.refusedForGood(HOLIDAYS, new IllegalStateException("db")))
        .isFalse();
  }

  @Test
  void primaryCalendarWithoutAChannelAlwaysFailsTheUser() {
    assertThat(CalendarStreamSource.refusedForGood(PRIMARY, failure(Kind.REJECTED, 400))).isFalse();
  }
}
