package dev.officeflow.contacts.discovery;

import java.util.Locale;

/** Where interactions come from; the unit of update and delete is one item of one source. */
public enum Source {
  EMAIL,
  CALENDAR;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
