package dev.officeflow.googlesim.quota;

import dev.officeflow.googlesim.web.ApiKind;
import java.time.Duration;

/**
 * Quota limits. Each user has one token bucket per API, and the project (everyone using the
 * simulator) has one more per API; a call is charged to both. A bucket refills at {@code limit /
 * 60} per second and holds {@code burst} worth of that rate.
 *
 * @param gmailUnitsPerMinute Gmail units per user per minute; default 6,000 (new projects)
 * @param calendarRequestsPerMinute Calendar requests per user per minute; default 600
 * @param burst how much of the rate every bucket (user and project) holds when full; default 10 s
 * @param calendarStatus what an exhausted Calendar quota answers: 403 (default) or 429
 * @param enabled false turns quotas off entirely (units are still counted)
 * @param peopleRequestsPerMinute People API reads per user per minute; default 90. Google publishes
 *     no number in its People API documentation: the limit ("Critical read requests (Contact and
 *     Profile Reads) per minute per user") is shown in the Cloud console, where projects report 90
 *     by default.
 * @param projectGmailUnitsPerMinute Gmail units per minute for the whole project; default
 *     1,200,000, Gmail's documented per-project limit
 * @param projectCalendarRequestsPerMinute Calendar requests per minute for the whole project;
 *     default 10,000, Calendar's documented per-project limit (usage limits page, 2026)
 * @param projectPeopleRequestsPerMinute People reads per minute for the whole project; default 600.
 *     Google documents no per-project number for People: 600 is this simulator's assumption, set it
 *     to what the project's console shows.
 */
public record QuotaSettings(
    int gmailUnitsPerMinute,
    int calendarRequestsPerMinute,
    Duration burst,
    int calendarStatus,
    boolean enabled,
    int peopleRequestsPerMinute,
    int projectGmailUnitsPerMinute,
    int projectCalendarRequestsPerMinute,
    int projectPeopleRequestsPerMinute) {

  public QuotaSettings {
    if (gmailUnitsPerMinute <= 0
        || calendarRequestsPerMinute <= 0
        || peopleRequestsPerMinute <= 0
        || projectGmailUnitsPerMinute <= 0
        || projectCalendarRequestsPerMinute <= 0
        || projectPeopleRequestsPerMinute <= 0) {
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
    return new QuotaSettings(
        6_000, 600, Duration.ofSeconds(10), 403, true, 90, 1_200_000, 10_000, 600);
  }

  public QuotaSettings withGmailUnitsPerMinute(int units) {
    return new QuotaSettings(
        units,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withCalendarRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        requests,
        burst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withPeopleRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        enabled,
        requests,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withProjectGmailUnitsPerMinute(int units) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        units,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withProjectCalendarRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        requests,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withProjectPeopleRequestsPerMinute(int requests) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        requests);
  }

  public QuotaSettings withBurst(Duration newBurst) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        newBurst,
        calendarStatus,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withCalendarStatus(int status) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        status,
        enabled,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  public QuotaSettings withEnabled(boolean on) {
    return new QuotaSettings(
        gmailUnitsPerMinute,
        calendarRequestsPerMinute,
        burst,
        calendarStatus,
        on,
        peopleRequestsPerMinute,
        projectGmailUnitsPerMinute,
        projectCalendarRequestsPerMinute,
        projectPeopleRequestsPerMinute);
  }

  /** The limit per minute of one API's budget: Gmail in units, Calendar and People in requests. */
  public int perMinute(ApiKind api, QuotaBudget budget) {
    boolean user = budget == QuotaBudget.USER;
    return switch (api) {
      case GMAIL -> user ? gmailUnitsPerMinute : projectGmailUnitsPerMinute;
      case CALENDAR -> user ? calendarRequestsPerMinute : projectCalendarRequestsPerMinute;
      case PEOPLE -> user ? peopleRequestsPerMinute : projectPeopleRequestsPerMinute;
    };
  }

  /** The refill rate per second of one API's budget. */
  public double rate(ApiKind api, QuotaBudget budget) {
    return perMinute(api, budget) / 60.0;
  }

  /** People refill rate per user in requests per second. */
  public double peopleRate() {
    return rate(ApiKind.PEOPLE, QuotaBudget.USER);
  }

  /** Gmail refill rate per user in units per second. */
  public double gmailRate() {
    return rate(ApiKind.GMAIL, QuotaBudget.USER);
  }

  /** Calendar refill rate per user in requests per second. */
  public double calendarRate() {
    return rate(ApiKind.CALENDAR, QuotaBudget.USER);
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
