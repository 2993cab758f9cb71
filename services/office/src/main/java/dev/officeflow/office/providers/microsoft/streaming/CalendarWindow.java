package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.OutlookItem;
import dev.officeflow.office.providers.microsoft.calendar.EventMapper;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When the calendar view's delta window moves. A {@code calendarView/delta} is bound to the start
 * and end it was created with (they are fixed in its links), so a stream that keeps one forever
 * would never see the events that come into reach later. Once "now" has moved {@code
 * calendar-shift} past the window's anchor (its end less {@code calendar-ahead}), the next round
 * follows the old link and then reads a new window from scratch, publishing only the events the old
 * window could not hold (starting at or after its end) and those changed since the follow began.
 */
final class CalendarWindow {

  private final MicrosoftStreamingSettings settings;
  private final Clock clock;

  CalendarWindow(MicrosoftStreamingSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether a window ending at {@code end} is due to move; unknown ends (older rows) are. */
  boolean due(@Nullable Instant end) {
    if (end == null) {
      return true;
    }
    Instant anchor = end.minus(settings.calendarAhead());
    return !clock.instant().isBefore(anchor.plus(settings.calendarShift()));
  }

  /**
   * Whether {@code item} lies beyond a window that ended at {@code oldEnd}, so no round of it can
   * have published it; every item is when the old end is unknown.
   */
  boolean unseen(OutlookItem item, @Nullable Instant oldEnd) {
    if (oldEnd == null) {
      return true;
    }
    if (!(item instanceof Event e)) {
      return false;
    }
    return EventMapper.instant(e.getStart()).map(start -> !start.isBefore(oldEnd)).orElse(true);
  }
}
