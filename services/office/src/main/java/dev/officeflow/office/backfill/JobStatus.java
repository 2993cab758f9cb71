package dev.officeflow.office.backfill;

import java.util.Locale;

/** A backfill job's state: queued and running are active (at most one per user and provider). */
public enum JobStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The value in the database and the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static JobStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public boolean active() {
    return this == QUEUED || this == RUNNING;
  }
}
