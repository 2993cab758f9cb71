package dev.officeflow.googlesim.quota;

import java.time.Duration;

/**
 * Per-user quota limits. Each user has one token bucket per API whose refill rate is {@code limit /
 * 60} per second and whose capacity is {@code burst} worth of that rate.
 *
 * @param gmailUnitsPerMinute Gmail units per user per minute; default 6,000 (new projects)
 * @param calendarRequestsPerMinute Calendar requests per user per minute; default 600
 * @param burst how much of the rate the bucket holds when full; default 10 seconds
 * @param calendarStatus what an exhausted Calendar quota answers: 403 {@code userRateLimitExceeded}
 *     (default) or 429 {@code rateLimitExceeded}
 * @param enabled false turns quotas off entirely (units are still counted)
 * @param peopleRequestsPerMinute People API reads per user per minute; default 90. Google publishes
 *     no number in its People API documentation: the limit ("Critical read requests (Contact and
 *     Profile Reads) per minute per user") is shown in the Cloud console, where projects report 90
 *     by default.
 */
public record QuotaSettings(
    int gmailUnitsPerMinute,
    int calendarRequestsPerMinute,
    Duration burst,
    int calendarStatus,
    boolean enabled,
    int peopleRequestsPerMinute) {

  public QuotaSettings {
    if (gmailUnitsPerMinute <= 0
        || calendarRequestsPerMinute <= 0
        || peopleRequestsPerMinute <= 0) {
      throw new IllegalArgumentException("quota limits must be positive");
    }
    if (burst.isNegative()) {
      throw new IllegalArgumentException("burst must not be negative");
    }
    if (calendarStatus != 403 && calendarStatus != 429) {
      throw new IllegalArgumentException("calendarStatus must be 403 or 429");
    }
  }

  public static QuotaSettings defaults() {
    return new QuotaSettings(6_000, 600, Duration.ofSeconds(10), 403, true, 90);
  }

  public QuotaSettings withGmailUnitsPerMinute(int units) {
    return new QuotaSettings(
        units, calendarRequestsPerMinute, burst, calendarStatus, enabled, peopleRequestsPerMinute);
  }

  public QuotaSettings withCalendarRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute, requests, burst, calendarStatus, enabled, peopleRequestsPerMinute);
  }

  public QuotaSettings withPeopleRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute, calendarRequestsPerMinute, burst, calendarStatus, enabled, requests);
  }

  public QuotaSettings withBurst(Duration newBurst) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        newBurst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute);
  }

  public QuotaSettings withCalendarStatus(int status) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        status,
        enabled,
        peopleRequestsPerMinute);
  }

  public QuotaSettings withEnabled(boolean on) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        on,
        peopleRequestsPerMinute);
  }

  /** People refill rate in requests per second. */
  public double peopleRate() {
    return peopleRequestsPerMinute / 60.0;
  }

  /** Gmail refill rate in units per second. */
  public double gmailRate() {
    return gmailUnitsPerMinute / 60.0;
  }

  /** Calendar refill rate in requests per second. */
  public double calendarRate() {
    return calendarRequestsPerMinute / 60.0;
  }

  /** Bucket capacity for a rate: {@code rate × burst seconds}. */
  public double capacity(double ratePerSecond) {
    return ratePerSecond * burst.toNanos() / 1e9;
  }

  /**
   * The least time a client needs to spend {@code totalCost} units starting from a full bucket:
   * {@code max(0, totalCost − capacity) / rate}.
   */
  public Duration minimumTime(double totalCost, double ratePerSecond) {
    double seconds = Math.max(0, totalCost - capacity(ratePerSecond)) / ratePerSecond;
    return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
  }
}
