package dev.officeflow.office.providers.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what the Google clients throw, and batch parts' errors, into {@link GoogleFailure}s.
 */
public final class GoogleFailures {

  private static final Set<String> RATE_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  /**
   * Newer Google APIs (People) say why in a {@code google.rpc.ErrorInfo} of the error's details,
   * not in {@code errors[]}; this reason is an expired sync token, a cursor that is gone like
   * Calendar's 410.
   */
  static final String EXPIRED_SYNC_TOKEN = "EXPIRED_SYNC_TOKEN";

  private static final Pattern RETRY_AFTER = Pattern.compile("Retry after (\\S+)");

  /** Google's quota message: "Quota exceeded for quota metric 'Queries' and limit '...' of ...". */
  private static final Pattern QUOTA_LIMIT = Pattern.compile("and limit '([^']*)'");

  private GoogleFailures() {}

  public static GoogleFailure of(String method, Throwable error, Clock clock) {
    if (error instanceof GoogleFailure failure) {
      return failure;
    }
    if (error instanceof GoogleJsonResponseException e && e.getDetails() != null) {
      return of(method, e.getDetails(), clock, e);
    }
    if (error instanceof HttpResponseException e) {
      return of(method, e.getStatusCode(), null, e.getStatusMessage(), clock, e);
    }
    if (error instanceof IOException e) {
      return new GoogleFailure(GoogleFailure.Kind.NETWORK, 0, method + ": " + describe(e), null, e);
    }
    return new GoogleFailure(
        GoogleFailure.Kind.REJECTED, 0, method + ": " + describe(error), null, error);
  }

  public static GoogleFailure of(
      String method, GoogleJsonError error, Clock clock, @Nullable Throwable cause) {
    GoogleFailure failure =
        of(method, error.getCode(), reason(error), error.getMessage(), clock, cause);
    if (failure.kind() != GoogleFailure.Kind.RATE_LIMITED) {
      return failure;
    }
    return new GoogleFailure(
        failure.kind(),
        failure.status(),
        failure.getMessage(),
        failure.retryAfter().orElse(null),
        budget(error),
        cause);
  }

  /**
   * Which budget refused a rate-limited call. Google names the limit it applied: in the {@code
   * quota_limit} of the answer's {@code google.rpc.ErrorInfo} ({@code DefaultPerMinutePerProject},
   * {@code ...PerMinutePerProjectPerUser}), or in its message ("... and limit 'Queries per minute
   * per user' of service ..."). A limit that is not per user is the project's. An answer that names
   * no limit at all (Gmail's "User-rate limit exceeded", Calendar's {@code userRateLimitExceeded}
   * or bare "Rate Limit Exceeded") is the per-user one: that is what Google's per-user answers look
   * like, and project answers name their limit.
   */
  static GoogleFailure.Budget budget(GoogleJsonError error) {
    String limit = quotaLimit(error);
    if (limit == null) {
      return GoogleFailure.Budget.USER;
    }
    String squeezed = limit.replace(" ", "").toLowerCase(Locale.ROOT);
    return squeezed.contains("peruser") ? GoogleFailure.Budget.USER : GoogleFailure.Budget.PROJECT;
  }

  private static @Nullable String quotaLimit(GoogleJsonError error) {
    if (error.getDetails() != null) {
      for (GoogleJsonError.Details detail : error.getDetails()) {
        if (detail.get("metadata") instanceof Map<?, ?> metadata
            && metadata.get("quota_limit") instanceof String limit) {
          return limit;
        }
      }
    }
    if (error.getMessage() != null) {
      Matcher m = QUOTA_LIMIT.matcher(error.getMessage());
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** The first of {@code errors[]}'s reasons, else the first ErrorInfo reason of the details. */
  private static @Nullable String reason(GoogleJsonError error) {
    if (error.getErrors() != null && !error.getErrors().isEmpty()) {
      return error.getErrors().get(0).getReason();
    }
    if (error.getDetails() == null) {
      return null;
    }
    return error.getDetails().stream()
        .map(GoogleJsonError.Details::getReason)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static GoogleFailure of(
      String method,
      int status,
      @Nullable String reason,
      @Nullable String message,
      Clock clock,
      @Nullable Throwable cause) {
    GoogleFailure.Kind kind = kind(status, reason);
    String text = method + ": " + status + (reason == null ? "" : " " + reason) + ": " + message;
    Duration retryAfter =
        kind == GoogleFailure.Kind.RATE_LIMITED ? retryAfter(message, clock) : null;
    return new GoogleFailure(kind, status, text, retryAfter, cause);
  }

  private static GoogleFailure.Kind kind(int status, @Nullable String reason) {
    if (status == 401) {
      return GoogleFailure.Kind.UNAUTHORIZED;
    }
    if (status == 429 || (status == 403 && reason != null && RATE_REASONS.contains(reason))) {
      return GoogleFailure.Kind.RATE_LIMITED;
    }
    if (EXPIRED_SYNC_TOKEN.equals(reason)) {
      return GoogleFailure.Kind.GONE;
    }
    if (status >= 500) {
      return GoogleFailure.Kind.SERVER;
    }
    return switch (status) {
      case 403 -> GoogleFailure.Kind.FORBIDDEN;
      case 404 -> GoogleFailure.Kind.NOT_FOUND;
      case 410 -> GoogleFailure.Kind.GONE;
      default -> GoogleFailure.Kind.REJECTED;
    };
  }

  /** Gmail says when to come back: "User-rate limit exceeded. Retry after 2026-...Z". */
  private static @Nullable Duration retryAfter(@Nullable String message, Clock clock) {
    if (message == null) {
      return null;
    }
    Matcher m = RETRY_AFTER.matcher(message);
    if (!m.find()) {
      return null;
    }
    try {
      Duration wait = Duration.between(clock.instant(), Instant.parse(m.group(1)));
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
