package dev.officeflow.googlesim.web;

/**
 * Which Google API a request belongs to: it picks the quota bucket and the error body style (Gmail
 * bodies carry a {@code status} field, Calendar's documented bodies do not).
 */
public enum ApiKind {
  GMAIL,
  CALENDAR
}
