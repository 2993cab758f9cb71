package dev.officeflow.googlesim;

import dev.officeflow.googlesim.admin.StatsRecorder;
import dev.officeflow.googlesim.faults.FaultInjector;
import dev.officeflow.googlesim.oauth.OAuthTokens;
import dev.officeflow.googlesim.quota.QuotaDecision;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.googlesim.quota.Quotas;
import dev.officeflow.googlesim.web.ApiGuard;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.googlesim.web.SimRequest;
import dev.officeflow.googlesim.web.SimResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The guard in front of every Gmail, Calendar and People call, in this order: count the call,
 * authenticate the bearer token (401), charge the user's quota (429/403), inject a fault (500/503),
 * run the method, add latency.
 */
final class RequestPipeline implements ApiGuard {

  private static final DateTimeFormatter RETRY_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final OAuthTokens tokens;
  private final Quotas quotas;
  private final FaultInjector faults;
  private final StatsRecorder stats;
  private final Clock clock;

  RequestPipeline(
      OAuthTokens tokens, Quotas quotas, FaultInjector faults, StatsRecorder stats, Clock clock) {
    this.tokens = tokens;
    this.quotas = quotas;
    this.faults = faults;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public SimResponse call(
      SimRequest request,
      ApiKind api,
      String method,
      int cost,
      Function<Caller, SimResponse> action) {
    stats.request(method);
    Optional<Caller> caller = request.bearerToken().flatMap(tokens::authenticate);
    if (caller.isEmpty()) {
      return GoogleErrors.unauthorized(api);
    }
    String user = caller.get().email();
    QuotaDecision decision = quotas.charge(user, api, cost);
    if (!decision.allowed()) {
      stats.quotaError(user);
      return quotaExceeded(api, decision);
    }
    stats.charged(user, api, cost);
    OptionalInt failure = faults.nextFailure(method);
    SimResponse response;
    if (failure.isPresent()) {
      stats.fault();
      response = GoogleErrors.backend(api, failure.getAsInt());
    } else {
      response = action.apply(caller.get());
    }
    return response.withDelay(faults.latency());
  }

  /**
   * Gmail: 429 rateLimitExceeded; Calendar: 403 userRateLimitExceeded or 429 rateLimitExceeded;
   * People: 429 RESOURCE_EXHAUSTED with ErrorInfo RATE_LIMIT_EXCEEDED naming the per-user limit.
   */
  private SimResponse quotaExceeded(ApiKind api, QuotaDecision decision) {
    if (api == ApiKind.PEOPLE) {
      return peopleQuotaExceeded();
    }
    if (api == ApiKind.GMAIL) {
      String message =
          "User-rate limit exceeded.  Retry after "
              + RETRY_AT.format(clock.instant().plus(decision.retryAfter()));
      return GoogleErrors.of(api, 429, "usageLimits", "rateLimitExceeded", message);
    }
    QuotaSettings settings = quotas.settings();
    return settings.calendarStatus() == 429
        ? GoogleErrors.of(api, 429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded")
        : GoogleErrors.of(
            api, 403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded");
  }

  private SimResponse peopleQuotaExceeded() {
    String metric = "Critical read requests (Contact and Profile Reads)";
    return GoogleErrors.status(
        429,
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric '"
            + metric
            + "' and limit '"
            + metric
            + " per minute per user' of service 'people.googleapis.com' for consumer"
            + " 'project_number:0'.",
        GoogleErrors.errorInfo(
            "RATE_LIMIT_EXCEEDED",
            "googleapis.com",
            Map.of(
                "consumer", "projects/0",
                "quota_limit", "CriticalReadsPerMinutePerProjectPerUser",
                "quota_limit_value", Integer.toString(quotas.settings().peopleRequestsPerMinute()),
                "quota_metric", "people.googleapis.com/critical_read_requests",
                "service", "people.googleapis.com")));
  }
}
