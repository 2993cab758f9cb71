package dev.officeflow.office.providers.microsoft;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ResponseHeaders;
import dev.officeflow.office.adapter.ProviderFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Classifies what the Graph SDK throws into {@link ProviderFailure}s of provider {@code microsoft}.
 * Graph answers errors as an OData body ({@code {"error": {"code", "message", "innerError"}}}),
 * which the SDK raises as {@link ODataError}; other answers it cannot parse as an {@link
 * ApiException} with the status; I/O failures arrive wrapped.
 *
 * <ul>
 *   <li>429, and 503: rate-limited (503 is how Graph sheds load, with a {@code Retry-After}), both
 *       retryable after {@code Retry-After} (seconds or an HTTP date);
 *   <li>401: unauthorized (the caller refreshes the token once);
 *   <li>403: a missing permission ({@code ErrorAccessDenied}), unless its code says throttling;
 *   <li>404: not found; 410 ({@code syncStateNotFound}, {@code resyncRequired}): a delta token that
 *       is gone;
 *   <li>other 5xx: server errors, retryable; anything else: rejected.
 * </ul>
 *
 * Outlook's limits are per app and mailbox, so a rate refusal is the user's budget.
 */
public final class MicrosoftFailures {

  /** Error codes Graph (and Exchange behind it) uses for throttling, whatever the status. */
  private static final Set<String> THROTTLING_CODES =
      Set.of(
          "ApplicationThrottled",
          "TooManyRequests",
          "ErrorServerBusy",
          "ErrorTooManyObjectsOpened",
          "activityLimitReached",
          "throttledRequest");

  private MicrosoftFailures() {}

  public static ProviderFailure of(String method, Throwable error, Clock clock) {
    if (error instanceof ProviderFailure failure) {
      return failure;
    }
    if (error instanceof ApiException e && e.getResponseStatusCode() > 0) {
      return answered(method, e, clock);
    }
    IOException io = ioCause(error);
    if (io != null) {
      return failure(ProviderFailure.Kind.NETWORK, 0, method + ": " + describe(io), null, error);
    }
    return failure(ProviderFailure.Kind.REJECTED, 0, method + ": " + describe(error), null, error);
  }

  private static ProviderFailure answered(String method, ApiException e, Clock clock) {
    int status = e.getResponseStatusCode();
    MainError body = e instanceof ODataError odata ? odata.getError() : null;
    String code = body == null ? null : body.getCode();
    String message = body == null ? e.getMessage() : body.getMessage();
    ProviderFailure.Kind kind = kind(status, code);
    String text = method + ": " + status + (code == null ? "" : " " + code) + ": " + message;
    Duration retryAfter =
        kind == ProviderFailure.Kind.RATE_LIMITED || kind == ProviderFailure.Kind.SERVER
            ? retryAfter(e.getResponseHeaders(), clock)
            : null;
    ProviderFailure.Budget budget =
        kind == ProviderFailure.Kind.RATE_LIMITED ? ProviderFailure.Budget.USER : null;
    return new ProviderFailure(MicrosoftScopes.PROVIDER, kind, status, text, retryAfter, budget, e);
  }

  static ProviderFailure.Kind kind(int status, @Nullable String code) {
    if (status == 401) {
      return ProviderFailure.Kind.UNAUTHORIZED;
    }
    if (status == 429 || status == 503 || (code != null && THROTTLING_CODES.contains(code))) {
      return ProviderFailure.Kind.RATE_LIMITED;
    }
    if (status >= 500) {
      return ProviderFailure.Kind.SERVER;
    }
    return switch (status) {
      case 403 -> ProviderFailure.Kind.FORBIDDEN;
      case 404 -> ProviderFailure.Kind.NOT_FOUND;
      case 410 -> ProviderFailure.Kind.GONE;
      default -> ProviderFailure.Kind.REJECTED;
    };
  }

  /** {@code Retry-After} as Graph sends it: delay-seconds, or (rarely) an HTTP date. */
  static @Nullable Duration retryAfter(@Nullable ResponseHeaders headers, Clock clock) {
    if (headers == null) {
      return null;
    }
    Set<String> values = headers.get("Retry-After");
    if (values == null || values.isEmpty()) {
      return null;
    }
    return retryAfter(values.iterator().next(), clock);
  }

  static @Nullable Duration retryAfter(String value, Clock clock) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static @Nullable IOException ioCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static ProviderFailure failure(
      ProviderFailure.Kind kind,
      int status,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    return new ProviderFailure(MicrosoftScopes.PROVIDER, kind, status, message, retryAfter, cause);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
