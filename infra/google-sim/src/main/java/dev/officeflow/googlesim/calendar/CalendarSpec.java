package dev.officeflow.googlesim.calendar;

import java.util.List;
import java.util.Locale;

/**
 * A secondary calendar on an account's calendar list (a team calendar the user owns, a subscribed
 * holiday calendar). Its events are generated like the primary calendar's, from a seed derived from
 * the account's seed and this id.
 *
 * @param id the calendar id, e.g. {@code team@group.calendar.google.com}; not {@code primary}
 * @param summary the title on the calendar list
 * @param accessRole the user's role: {@code owner}, {@code writer} or {@code reader} (a
 *     free/busy-only calendar is not simulated)
 * @param events events whose first occurrence lies in the office window (30 days back, 2 ahead)
 * @param olderEvents events 31 to 60 days back
 * @param hidden hidden from the calendar list unless {@code showHidden=true}
 */
public record CalendarSpec(
    String id, String summary, String accessRole, int events, int olderEvents, boolean hidden) {

  /** Calendar access roles, weakest first: {@code minAccessRole} compares by this order. */
  public static final List<String> ROLES = List.of("freeBusyReader", "reader", "writer", "owner");

  public CalendarSpec {
    if (id.isBlank() || id.equalsIgnoreCase("primary") || id.contains("/")) {
      throw new IllegalArgumentException("not a secondary calendar id: '" + id + "'");
    }
    if (ROLES.indexOf(accessRole) < 1) {
      throw new IllegalArgumentException(
          "accessRole of calendar " + id + " must be owner, writer or reader: " + accessRole);
    }
    if (events < 0 || olderEvents < 0) {
      throw new IllegalArgumentException(
          "event counts of calendar " + id + " must not be negative");
    }
  }

  /** A visible calendar with {@code events} events in the window and none older. */
  public static CalendarSpec of(String id, String summary, String accessRole, int events) {
    return new CalendarSpec(id, summary, accessRole, events, 0, false);
  }

  /** The primary calendar's entry: its id and summary are the owner's address, its role owner. */
  static CalendarSpec primary(String owner) {
    return new CalendarSpec(owner.toLowerCase(Locale.ROOT), owner, "owner", 0, 0, false);
  }

  public CalendarSpec withHidden(boolean hide) {
    return new CalendarSpec(id, summary, accessRole, events, olderEvents, hide);
  }

  public CalendarSpec withOlderEvents(int older) {
    return new CalendarSpec(id, summary, accessRole, events, older, hidden);
  }

  /** The role's rank in {@link #ROLES}: 0 for freeBusyReader up to 3 for owner. */
  public int roleRank() {
    return ROLES.indexOf(accessRole);
  }
}
