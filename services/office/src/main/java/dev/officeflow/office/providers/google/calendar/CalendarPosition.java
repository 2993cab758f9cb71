package dev.officeflow.office.providers.google.calendar;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where the Calendar phase of a backfill stands, as the job's checkpoint stores it (the cursor's
 * page token): the calendar being read and the {@code events.list} page token within it (null: its
 * first page). Stored as {@code cal;<url-encoded calendar id>;<page token>}. A token without that
 * prefix is a checkpoint written before the office read more than the primary calendar: a page of
 * the primary calendar.
 */
record CalendarPosition(String calendarId, @Nullable String pageToken) {

  private static final String PREFIX = "cal;";

  /** The first page of {@code calendarId}. */
  static CalendarPosition start(String calendarId) {
    return new CalendarPosition(calendarId, null);
  }

  /** The stored position; null at the start of the phase (no calendar chosen yet). */
  static @Nullable CalendarPosition parse(@Nullable String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(PREFIX)) {
      return new CalendarPosition(CalendarKey.PRIMARY, stored);
    }
    int split = stored.indexOf(';', PREFIX.length());
    if (split < 0) {
      throw new IllegalArgumentException("not a calendar position: " + stored);
    }
    String id = URLDecoder.decode(stored.substring(PREFIX.length(), split), StandardCharsets.UTF_8);
    String token = stored.substring(split + 1);
    return new CalendarPosition(id, token.isEmpty() ? null : token);
  }

  String wire() {
    return PREFIX
        + URLEncoder.encode(calendarId, StandardCharsets.UTF_8)
        + ";"
        + (pageToken == null ? "" : pageToken);
  }
}
