package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a backfill job stands, as its progress events report it. */
public enum ProgressState {
  /** Reading; counts and percent grow. */
  RUNNING,
  /** A run failed and the job waits for its next attempt; the event's error says why. */
  RETRYING,
  /** Every phase finished: what the job read is final. */
  COMPLETED,
  /** The job gave up (attempts used, a revoked grant, a hard error); the error says why. */
  FAILED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the states a job does not leave by itself. */
  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }

  @JsonCreator
  public static ProgressState fromWire(String value) {
    for (ProgressState state : values()) {
      if (state.wire().equalsIgnoreCase(value)) {
        return state;
      }
    }
    throw new EventValidationException("", "unknown progress state '" + value + "'");
  }
}
