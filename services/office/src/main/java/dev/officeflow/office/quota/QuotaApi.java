package dev.officeflow.office.quota;

/** The provider APIs with a per-user quota of their own. */
public enum QuotaApi {
  /** Gmail: units per user per minute, each method with its own cost. */
  GMAIL,
  /** Calendar: requests per user per minute, each call costs one. */
  CALENDAR
}
