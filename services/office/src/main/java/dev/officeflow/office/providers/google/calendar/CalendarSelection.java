package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.CalendarListEntry;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which of a user's calendars the office reads ({@code officeflow.office.google.calendars}): every
 * calendar on the calendar list whose events we may read, only those the user owns, or the primary
 * one alone (no {@code calendarList} call at all). The primary calendar is part of every selection.
 */
enum CalendarSelection {
  /** Every listed calendar whose access role lets us read events (not {@code freeBusyReader}). */
  ALL("reader"),
  /** The calendars the user owns. */
  OWNED("owner"),
  /** The primary calendar only. */
  PRIMARY(null);

  /** Access roles, weakest first, as Google orders them for {@code minAccessRole}. */
  private static final List<String> ROLES = List.of("freeBusyReader", "reader", "writer", "owner");

  private final @Nullable String minAccessRole;

  CalendarSelection(@Nullable String minAccessRole) {
    this.minAccessRole = minAccessRole;
  }

  /** Reads the setting; the message lists the accepted values. */
  static CalendarSelection of(String setting) {
    try {
      return valueOf(setting.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "officeflow.office.google.calendars must be all, owned or primary: '" + setting + "'");
    }
  }

  /** False when only the primary calendar is read: nothing to list. */
  boolean lists() {
    return minAccessRole != null;
  }

  /** The weakest role asked of {@code calendarList.list} ({@code minAccessRole}); null: none. */
  @Nullable String minAccessRole() {
    return minAccessRole;
  }

  /** Whether the listed calendar is selected: not deleted, and a role at least the minimum. */
  boolean accepts(CalendarListEntry entry) {
    if (Boolean.TRUE.equals(entry.getPrimary())) {
      return true;
    }
    if (minAccessRole == null || entry.getId() == null || Boolean.TRUE.equals(entry.getDeleted())) {
      return false;
    }
    return ROLES.indexOf(entry.getAccessRole()) >= ROLES.indexOf(minAccessRole);
  }
}
