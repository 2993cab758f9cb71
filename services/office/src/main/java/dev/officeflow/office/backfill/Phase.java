package dev.officeflow.office.backfill;

import java.util.Locale;

/** The sources a job reads, in order, then done. Calendar first: it is small and quick. */
public enum Phase {
  CALENDAR,
  GMAIL,
  DONE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Phase fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  public Phase next() {
    return this == DONE ? DONE : values()[ordinal() + 1];
  }
}
