package dev.officeflow.googlesim.admin;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** Changes to an event; null fields stay as they are. */
public record EventUpdate(
    @Nullable String summary,
    @Nullable ZonedDateTime start,
    @Nullable ZonedDateTime end,
    @Nullable String description,
    @Nullable String location) {

  public static EventUpdate summary(String newSummary) {
    return new EventUpdate(newSummary, null, null, null, null);
  }
}
