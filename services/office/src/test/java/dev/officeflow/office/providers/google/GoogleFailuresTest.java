package dev.officeflow.office.providers.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonErrorContainer;
import com.google.api.client.json.gson.GsonFactory;
import dev.officeflow.office.adapter.ProviderFailure.Budget;
import dev.officeflow.office.adapter.ProviderFailure.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Quota refusals told apart by budget, from the bodies Google (and google-sim) send: per-user
 * answers name no limit or a per-user one, project answers a {@code google.rpc.ErrorInfo} whose
 * {@code quota_limit} is the project's. Every one stays retryable.
 */
class GoogleFailuresTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void gmailsUserRateLimitIsTheUsersBudgetWithItsRetryTime() {
    GoogleFailure f = classify(Bodies.gmailUser("2026-12-07T03:00:02.500Z"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.USER);
    assertThat(f.retryAfter()).hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(2500));
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void gmailsProjectLimitIsTheProjectsBudget() {
    GoogleFailure f =
        classify(Bodies.project(429, "gmail.googleapis.com", true, "defaultPerMinutePerProject"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.PROJECT);
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void calendarsUserRateLimitIsTheUsersBudget() {
    GoogleFailure f =
        classify(Bodies.legacy(403, "userRateLimitExceeded", "User Rate Limit Exceeded"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.USER);
  }

  @Test
  void calendarsBareRateLimitIsTheUsersBudget() {
    GoogleFailure f = classify(Bodies.legacy(429, "rateLimitExceeded", "Rate Limit Exceeded"));

    assertThat(f.budget()).contains(Budget.USER);
  }

  @Test
  void calendarsProjectLimitAnsweredWith403IsTheProjectsBudget() {
    GoogleFailure f =
        classify(
            Bodies.project(
                403, "calendar-json.googleapis.com", true, "defaultPerMinutePerProject"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.PROJECT);
  }

  @Test
  void peoplesPerUserLimitIsTheUsersBudgetThoughItsNameSaysProject() {
    GoogleFailure f =
        classify(
            Bodies.project(
                429, "people.googleapis.com", false, "CriticalReadsPerMinutePerProjectPerUser"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.USER);
  }

  @Test
  void peoplesProjectLimitIsTheProjectsBudget() {
    GoogleFailure f =
        classify(
            Bodies.project(
                429, "people.googleapis.com", false, "CriticalReadsPerMinutePerProject"));

    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(f.budget()).contains(Budget.PROJECT);
  }

  @Test
  void aMessageNamingAPerMinuteLimitWithoutErrorInfoIsTheProjects() {
    GoogleFailure f =
        classify(
            Bodies.legacy(
                429,
                "rateLimitExceeded",
                "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of"
                    + " service 'gmail.googleapis.com' for consumer 'project_number:1'."));

    assertThat(f.budget()).contains(Budget.PROJECT);
  }

  @Test
  void aMessageNamingAPerUserLimitIsTheUsers() {
    GoogleFailure f =
        classify(
            Bodies.legacy(
                403,
                "rateLimitExceeded",
                "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'"
                    + " of service 'gmail.googleapis.com' for consumer 'project_number:1'."));

    assertThat(f.budget()).contains(Budget.USER);
  }

  @Test
  void otherFailuresNameNoBudget() {
    GoogleFailure f =
        classify(
            Bodies.legacy(
                403, "insufficientPermissions", "Request had insufficient authentication scopes."));

    assertThat(f.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(f.budget()).isEmpty();
  }

  private static GoogleFailure classify(String body) {
    try {
      GoogleJsonError error =
          GsonFactory.getDefaultInstance()
              .fromString(body, GoogleJsonErrorContainer.class)
              .getError();
      return GoogleFailures.of("test.method", error, CLOCK, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Google's error bodies, in the shapes google-sim sends ({@code QuotaRefusals} there). */
  private static final class Bodies {

    /** Gmail's per-user answer: 429 rateLimitExceeded naming the time to come back. */
    static String gmailUser(String retryAt) {
      return legacy(429, "rateLimitExceeded", "User-rate limit exceeded.  Retry after " + retryAt);
    }

    /** The older style: one {@code errors[]} entry in {@code usageLimits}. */
    static String legacy(int code, String reason, String message) {
      return """
          {"error": {"code": %d, "message": "%s", "errors": [
            {"message": "%s", "domain": "usageLimits", "reason": "%s"}]}}
          """
          .formatted(code, message, message, reason);
    }

    /**
     * What Google's API front end answers for a quota limit: a status, a message naming the metric
     * and the limit, an ErrorInfo with {@code quota_limit}, a Help link; Gmail and Calendar also
     * keep {@code errors[]}.
     */
    static String project(int code, String service, boolean withErrors, String quotaLimit) {
      String message =
          "Quota exceeded for quota metric 'Queries' and limit '"
              + (quotaLimit.endsWith("PerUser")
                  ? "Queries per minute per user"
                  : "Queries per minute")
              + "' of service '"
              + service
              + "' for consumer 'project_number:0'.";
      String errors =
          withErrors
              ? """
                "errors": [{"message": "%s", "domain": "usageLimits", "reason": "rateLimitExceeded"}],
                """
                  .formatted(message)
              : "";
      return """
          {"error": {"code": %d, "message": "%s", "status": "%s", %s
            "details": [
              {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
               "domain": "googleapis.com",
               "metadata": {"consumer": "projects/0", "quota_limit": "%s",
                 "quota_limit_value": "100", "quota_location": "global",
                 "quota_metric": "%s/default", "service": "%s"}},
              {"@type": "type.googleapis.com/google.rpc.Help",
               "links": [{"description": "Request a higher quota limit.",
                 "url": "https://cloud.google.com/docs/quota#requesting_higher_quota"}]}]}}
          """
          .formatted(
              code,
              message,
              code == 429 ? "RESOURCE_EXHAUSTED" : "PERMISSION_DENIED",
              errors,
              quotaLimit,
              service,
              service);
    }
  }
}
