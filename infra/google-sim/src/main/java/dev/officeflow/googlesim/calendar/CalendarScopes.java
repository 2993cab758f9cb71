package dev.officeflow.googlesim.calendar;

import java.util.Set;

/**
 * Calendar scope strings; any of {@link #READ} lets a caller list and watch events, any of {@link
 * #LIST_READ} read the calendar list (the events scopes do not, as in Google's reference).
 */
public final class CalendarScopes {

  public static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
  public static final String READONLY = "https://www.googleapis.com/auth/calendar.readonly";
  public static final String EVENTS = "https://www.googleapis.com/auth/calendar.events";
  public static final String EVENTS_READONLY =
      "https://www.googleapis.com/auth/calendar.events.readonly";

  public static final String CALENDARLIST = "https://www.googleapis.com/auth/calendar.calendarlist";
  public static final String CALENDARLIST_READONLY =
      "https://www.googleapis.com/auth/calendar.calendarlist.readonly";

  public static final Set<String> READ = Set.of(CALENDAR, READONLY, EVENTS, EVENTS_READONLY);

  /** The scopes {@code calendarList.list} accepts. */
  public static final Set<String> LIST_READ =
      Set.of(CALENDAR, READONLY, CALENDARLIST, CALENDARLIST_READONLY);

  private CalendarScopes() {}
}
