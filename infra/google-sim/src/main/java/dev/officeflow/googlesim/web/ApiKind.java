package dev.officeflow.googlesim.web;

/**
 * Which Google API a request belongs to: it picks the quota bucket and the error body style (Gmail
 * bodies carry a {@code status} field, Calendar's documented bodies do not, People's are the newer
 * kind: code, message, status and {@code details} without an {@code errors} list).
 */
public enum ApiKind {
  GMAIL,
  CALENDAR,
  PEOPLE
}
