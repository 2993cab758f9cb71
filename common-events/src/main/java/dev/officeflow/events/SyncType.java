package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a data event was produced: a backfill, an incremental window, or a live change. */
public enum SyncType {
  BATCH_SYNC,
  INCREMENTAL_SYNC,
  REAL_TIME;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the current values and the legacy {@code backfill} and {@code sync}. */
  @JsonCreator
  public static SyncType fromWire(String value) {
    return switch (value) {
      case "batch_sync", "backfill" -> BATCH_SYNC;
      case "incremental_sync", "sync" -> INCREMENTAL_SYNC;
      case "real_time" -> REAL_TIME;
      default -> throw new EventValidationException("", "unknown sync_type '" + value + "'");
    };
  }
}
