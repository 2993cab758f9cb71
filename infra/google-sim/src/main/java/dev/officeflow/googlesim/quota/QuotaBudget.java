package dev.officeflow.googlesim.quota;

import java.util.Locale;

/**
 * Which of Google's two simultaneous limits a call is charged to: the caller's own (per minute per
 * user per project) or the whole project's (per minute per project, shared by every user).
 */
public enum QuotaBudget {
  USER,
  PROJECT;

  /** The lowercase name used in the admin JSON: {@code user} or {@code project}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
