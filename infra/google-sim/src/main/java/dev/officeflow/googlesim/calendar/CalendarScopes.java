package dev.officeflow.googlesim.calendar;

import java.util.Set;

/** Calendar scope strings; any of {@link #READ} lets a caller list and watch events. */
public final class CalendarScopes {

  public static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
  public static final String READONLY = "https://www.googleapis.com/auth/calendar.readonly";
  public static final String EVENTS = "https://www.googleapis.com/auth/calendar.events";
  public static final String EVENTS_READONLY =
      "https://www.googleapis.com/auth/calendar.events.readonly";

  public static final Set<String> READ = Set.of(CALENDAR, READONLY, EVENTS, EVENTS_READONLY);

  private CalendarScopes() {}
}
