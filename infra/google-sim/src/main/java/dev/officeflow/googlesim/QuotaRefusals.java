package dev.officeflow.googlesim;

import dev.officeflow.googlesim.quota.QuotaBudget;
import dev.officeflow.googlesim.quota.QuotaDecision;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What a call refused for quota answers, per API and budget. A client tells the budgets apart as it
 * would at Google: a project refusal always carries a {@code google.rpc.ErrorInfo} (reason {@code
 * RATE_LIMIT_EXCEEDED}) whose {@code quota_limit} does not end in {@code PerUser}; a per-user
 * refusal carries none (Gmail, Calendar) or one whose {@code quota_limit} ends in {@code PerUser}
 * (People). No refusal sends a {@code Retry-After} header: Google's quota answers carry none (only
 * Gmail's per-user message names a time).
 */
final class QuotaRefusals {

  private static final DateTimeFormatter RETRY_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The simulator's project number, where Google names the consumer's. */
  private static final String PROJECT_NUMBER = "0";

  private static final String PEOPLE_METRIC = "Critical read requests (Contact and Profile Reads)";

  /**
   * How Google's API front end names a limit in its message and ErrorInfo. The Gmail and Calendar
   * names (metric {@code Queries}, {@code <service>/default}, {@code defaultPerMinutePerProject})
   * follow captured per-project answers of Google APIs on that front end (Drive's and Gmail's
   * "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service ..."), and
   * Calendar's service is {@code calendar-json.googleapis.com} as its answers name it.
   */
  private record Limit(String service, String metric, String limitName, String quotaMetric) {

    String message() {
      return "Quota exceeded for quota metric '"
          + metric
          + "' and limit '"
          + limitName
          + "' of service '"
          + service
          + "' for consumer 'project_number:"
          + PROJECT_NUMBER
          + "'.";
    }
  }

  private QuotaRefusals() {}

  static SimResponse answer(
      ApiKind api, QuotaDecision decision, QuotaSettings settings, Instant now) {
    return decision.refusedBy() == QuotaBudget.PROJECT
        ? project(api, settings)
        : user(api, decision, settings, now);
  }

  /**
   * Gmail: 429 rateLimitExceeded "User-rate limit exceeded. Retry after ..." (what Gmail is
   * observed to send; its quota page documents {@code userRateLimitExceeded}). Calendar: 403
   * userRateLimitExceeded "User Rate Limit Exceeded" (its errors page) or, when configured, 429
   * rateLimitExceeded. People: 429 RESOURCE_EXHAUSTED with an ErrorInfo naming the per-user limit.
   */
  private static SimResponse user(
      ApiKind api, QuotaDecision decision, QuotaSettings settings, Instant now) {
    if (api == ApiKind.PEOPLE) {
      return peopleUser(settings);
    }
    if (api == ApiKind.GMAIL) {
      String message =
          "User-rate limit exceeded.  Retry after "
              + RETRY_AT.format(now.plus(decision.retryAfter()));
      return GoogleErrors.of(api, 429, "usageLimits", "rateLimitExceeded", message);
    }
    return settings.calendarStatus() == 429
        ? GoogleErrors.of(api, 429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded")
        : GoogleErrors.of(
            api, 403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded");
  }

  private static SimResponse peopleUser(QuotaSettings settings) {
    Limit limit =
        new Limit(
            "people.googleapis.com",
            PEOPLE_METRIC,
            PEOPLE_METRIC + " per minute per user",
            "people.googleapis.com/critical_read_requests");
    return GoogleErrors.status(
        429,
        "RESOURCE_EXHAUSTED",
        limit.message(),
        GoogleErrors.errorInfo(
            "RATE_LIMIT_EXCEEDED",
            "googleapis.com",
            Map.of(
                "consumer", "projects/" + PROJECT_NUMBER,
                "quota_limit", "CriticalReadsPerMinutePerProjectPerUser",
                "quota_limit_value", Integer.toString(settings.peopleRequestsPerMinute()),
                "quota_metric", limit.quotaMetric(),
                "service", limit.service())));
  }

  /**
   * The project's budget is spent. Gmail's quota page names the per-project limit's reason {@code
   * rateLimitExceeded} and its errors page answers 429 "Too many requests"; Calendar's errors page
   * documents 403 (or 429) {@code rateLimitExceeded} in {@code usageLimits}; the message, {@code
   * status} and {@code details} (ErrorInfo RATE_LIMIT_EXCEEDED with {@code consumer}, {@code
   * quota_limit}, {@code quota_limit_value}, {@code quota_location}, {@code quota_metric}, {@code
   * service}, then a google.rpc.Help link) are what Google's API front end adds to every quota
   * refusal (google.api.ErrorReason RATE_LIMIT_EXCEEDED). People's bodies have no {@code errors[]}.
   */
  private static SimResponse project(ApiKind api, QuotaSettings settings) {
    Limit limit = projectLimit(api);
    int code = api == ApiKind.CALENDAR ? settings.calendarStatus() : 429;
    return GoogleErrors.status(
        code,
        GoogleErrors.statusOf(code),
        limit.message(),
        api == ApiKind.PEOPLE
            ? null
            : GoogleErrors.item(limit.message(), "usageLimits", "rateLimitExceeded"),
        List.of(
            GoogleErrors.errorInfo(
                "RATE_LIMIT_EXCEEDED",
                "googleapis.com",
                Map.of(
                    "consumer", "projects/" + PROJECT_NUMBER,
                    "quota_limit", projectQuotaLimit(api),
                    "quota_limit_value",
                        Integer.toString(settings.perMinute(api, QuotaBudget.PROJECT)),
                    "quota_location", "global",
                    "quota_metric", limit.quotaMetric(),
                    "service", limit.service())),
            GoogleErrors.help(
                "Request a higher quota limit.",
                "https://cloud.google.com/docs/quota#requesting_higher_quota")));
  }

  private static Limit projectLimit(ApiKind api) {
    return switch (api) {
      case GMAIL ->
          new Limit(
              "gmail.googleapis.com",
              "Queries",
              "Queries per minute",
              "gmail.googleapis.com/default");
      case CALENDAR ->
          new Limit(
              "calendar-json.googleapis.com",
              "Queries",
              "Queries per minute",
              "calendar-json.googleapis.com/default");
      case PEOPLE ->
          new Limit(
              "people.googleapis.com",
              PEOPLE_METRIC,
              PEOPLE_METRIC + " per minute",
              "people.googleapis.com/critical_read_requests");
    };
  }

  private static String projectQuotaLimit(ApiKind api) {
    return api == ApiKind.PEOPLE
        ? "CriticalReadsPerMinutePerProject"
        : "defaultPerMinutePerProject";
  }
}
