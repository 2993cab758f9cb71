package dev.officeflow.office.providers.microsoft;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.microsoft.kiota.ResponseHeaders;
import dev.officeflow.office.adapter.ProviderFailure;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MicrosoftFailuresTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void throttlingIsRateLimitedOnTheMailboxBudgetAfterRetryAfter() {
    ProviderFailure f = classify(429, "ApplicationThrottled", "5");

    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
    assertThat(f.retryable()).isTrue();
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(f.budget()).contains(ProviderFailure.Budget.USER);
    assertThat(f.provider()).isEqualTo("microsoft");
  }

  @Test
  void serviceUnavailableIsRateLimitedWithItsRetryAfterAsAnHttpDate() {
    ProviderFailure f = classify(503, "serviceNotAvailable", "Mon, 07 Dec 2026 08:00:07 GMT");

    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void accessDeniedIsAMissingPermissionButAThrottlingCodeIsNot() {
    assertThat(classify(403, "ErrorAccessDenied", null).kind())
        .isEqualTo(ProviderFailure.Kind.FORBIDDEN);
    assertThat(classify(403, "ApplicationThrottled", null).kind())
        .isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
  }

  @Test
  void statusesMapToTheKindsTheCoreActsOn() {
    assertThat(classify(401, "InvalidAuthenticationToken", null).kind())
        .isEqualTo(ProviderFailure.Kind.UNAUTHORIZED);
    assertThat(classify(404, "ErrorItemNotFound", null).kind())
        .isEqualTo(ProviderFailure.Kind.NOT_FOUND);
    assertThat(classify(410, "syncStateNotFound", null).kind())
        .isEqualTo(ProviderFailure.Kind.GONE);
    assertThat(classify(410, "resyncRequired", null).kind()).isEqualTo(ProviderFailure.Kind.GONE);
    assertThat(classify(500, "generalException", null).kind())
        .isEqualTo(ProviderFailure.Kind.SERVER);
    assertThat(classify(504, "GatewayTimeout", null).retryable()).isTrue();
    assertThat(classify(400, "BadRequest", null).kind()).isEqualTo(ProviderFailure.Kind.REJECTED);
  }

  @Test
  void theMessageNamesTheMethodTheStatusAndGraphsCode() {
    ProviderFailure f = classify(403, "ErrorAccessDenied", null);

    assertThat(f.getMessage())
        .isEqualTo("graph.test: 403 ErrorAccessDenied: Access is denied. Check credentials.");
  }

  @Test
  void aBrokenConnectionIsANetworkFailure() {
    ProviderFailure f =
        MicrosoftFailures.of(
            "graph.test", new UncheckedIOException(new SocketTimeoutException("timeout")), CLOCK);

    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.NETWORK);
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void anUnparsedAnswerIsClassifiedByItsStatus() {
    ApiException e = new ApiExceptionBuilder().withResponseStatusCode(502).build();

    assertThat(MicrosoftFailures.of("graph.test", e, CLOCK).kind())
        .isEqualTo(ProviderFailure.Kind.SERVER);
  }

  private static ProviderFailure classify(int status, String code, @Nullable String retryAfter) {
    MainError body = new MainError();
    body.setCode(code);
    body.setMessage("Access is denied. Check credentials.");
    ODataError error = new ODataError();
    error.setError(body);
    ResponseHeaders headers = new ResponseHeaders();
    if (retryAfter != null) {
      headers.add("Retry-After", retryAfter);
    }
    ApiException e =
        new ApiExceptionBuilder(() -> error)
            .withResponseStatusCode(status)
            .withResponseHeaders(headers)
            .build();
    return MicrosoftFailures.of("graph.test", e, CLOCK);
  }
}
