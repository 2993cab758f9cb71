package dev.officeflow.graphsim.account;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** Changes to an event; null fields stay as they are. {@code cancelled} cancels the meeting. */
public record EventUpdate(
    @Nullable String subject,
    @Nullable ZonedDateTime start,
    @Nullable ZonedDateTime end,
    @Nullable String body,
    @Nullable String location,
    boolean cancelled) {

  public static EventUpdate subject(String subject) {
    return new EventUpdate(subject, null, null, null, null, false);
  }

  public static EventUpdate moved(ZonedDateTime start, ZonedDateTime end) {
    return new EventUpdate(null, start, end, null, null, false);
  }

  public static EventUpdate cancel() {
    return new EventUpdate(null, null, null, null, null, true);
  }
}
