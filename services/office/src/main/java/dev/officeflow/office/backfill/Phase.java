package dev.officeflow.office.backfill;

import java.util.Locale;

/**
 * The kinds of source a job reads, in this order, then done: calendar first (small and quick), then
 * mail, then the address book. A provider serves each with a {@link BackfillSource} of its own name
 * ({@code gmail}); one without a source for a phase passes over it.
 */
public enum Phase {
  CALENDAR,
  MAIL,
  CONTACTS,
  DONE;

  /** The name stored with a checkpoint. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a stored name; {@code gmail} is what the mail phase was stored as before providers. */
  public static Phase fromWire(String value) {
    return value.equals("gmail") ? MAIL : valueOf(value.toUpperCase(Locale.ROOT));
  }

  public Phase next() {
    return this == DONE ? DONE : values()[ordinal() + 1];
  }
}
