package dev.officeflow.office.providers.google.calendar;

/** One streamed calendar of one user's integration. */
record CalendarKey(String userId, String provider, String calendarId) {

  static final String PRIMARY = "primary";

  static CalendarKey primary(String userId, String provider) {
    return new CalendarKey(userId, provider, PRIMARY);
  }

  @Override
  public String toString() {
    return userId + "/" + provider + "/" + calendarId;
  }
}
