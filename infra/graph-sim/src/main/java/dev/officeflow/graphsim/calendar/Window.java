package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.web.GraphException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A calendar view's time range, from {@code startDateTime} and {@code endDateTime} (ISO 8601, with
 * an offset or read as UTC); both are required, as Graph requires them.
 */
record Window(Instant start, Instant end) {

  static Window of(ODataQuery q) {
    String start = q.param("startDateTime").orElseThrow(Window::missing);
    String end = q.param("endDateTime").orElseThrow(Window::missing);
    Window w = new Window(instant(start), instant(end));
    if (!w.end().isAfter(w.start())) {
      throw new GraphException(
          400,
          "ErrorInvalidParameter",
          "The value of EndDateTime must be later than StartDateTime.");
    }
    return w;
  }

  static Window parse(String start, String end) {
    return new Window(instant(start), instant(end));
  }

  private static GraphException missing() {
    return new GraphException(
        400,
        "ErrorInvalidParameter",
        "This request requires a time window specified by the query string parameters"
            + " StartDateTime and EndDateTime.");
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new GraphException(
            400, "ErrorInvalidParameter", "The value '" + text + "' is not a valid date and time.");
      }
    }
  }
}
