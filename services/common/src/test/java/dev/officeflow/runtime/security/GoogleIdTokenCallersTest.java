package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.officeflow.runtime.testing.TestJwks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On GCP a caller presents a Google-signed ID token of its service account: verified against the
 * key set (a local one here, as Google's), issuer, audience and expiry, and mapped to a caller.
 */
class GoogleIdTokenCallersTest {

  private static final String AUDIENCE = "officeflow-internal";
  private static final String OFFICE_ACCOUNT = "officeflow-office@demo.iam.gserviceaccount.com";

  private static TestJwks google;
  private static ServiceCredentialWebFilter filter;

  @BeforeAll
  static void start() {
    google = TestJwks.start();
    ServiceSecuritySettings.GoogleIdTokens settings =
        new ServiceSecuritySettings.GoogleIdTokens(
            AUDIENCE,
            google.uri(),
            List.of("https://accounts.google.com", "accounts.google.com"),
            Map.of("office", List.of(OFFICE_ACCOUNT)),
            "http://127.0.0.1:9");
    filter =
        new ServiceCredentialWebFilter(
            new CallerTokens(Map.of()),
            new GoogleIdTokens(settings),
            List.of(InternalAccess.of("/internal/tokens/**", "office")));
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @Test
  void theOfficesServiceAccountMayFetchTokens() {
    assertThat(call(idToken(OFFICE_ACCOUNT, AUDIENCE, Duration.ofMinutes(5)))).isNull();
  }

  @Test
  void anotherAudienceAnExpiredTokenOrAnUnknownAccountIsNoCaller() {
    assertThat(call(idToken(OFFICE_ACCOUNT, "someone-else", Duration.ofMinutes(5))))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call(idToken(OFFICE_ACCOUNT, AUDIENCE, Duration.ofMinutes(-5))))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(idToken("stranger@demo.iam.gserviceaccount.com", AUDIENCE, Duration.ofMinutes(5))))
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aTokenSignedByAnotherKeyIsNoCaller() {
    try (TestJwks forger = TestJwks.start()) {
      String forged =
          forger.signed(claims(OFFICE_ACCOUNT, AUDIENCE, Duration.ofMinutes(5)).build());
      assertThat(call(forged)).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void anAccountsEmailMatchesWhateverItsCase() {
    assertThat(call(idToken(OFFICE_ACCOUNT.toUpperCase(), AUDIENCE, Duration.ofMinutes(5))))
        .isNull();
  }

  @Test
  void anAccountListedForTwoCallersIsAConfigurationError() {
    ServiceSecuritySettings.GoogleIdTokens twice =
        new ServiceSecuritySettings.GoogleIdTokens(
            AUDIENCE,
            google.uri(),
            List.of("https://accounts.google.com"),
            Map.of("office", List.of(OFFICE_ACCOUNT), "operator", List.of(OFFICE_ACCOUNT)),
            "http://127.0.0.1:9");

    assertThatThrownBy(() -> new GoogleIdTokens(twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(OFFICE_ACCOUNT)
        .hasMessageContaining("office")
        .hasMessageContaining("operator");
  }

  private static String idToken(String email, String audience, Duration lifetime) {
    return google.signed(claims(email, audience, lifetime).build());
  }

  private static JWTClaimsSet.Builder claims(String email, String audience, Duration lifetime) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("https://accounts.google.com")
        .audience(audience)
        .subject("1234567890")
        .claim("email", email)
        .claim("email_verified", true)
        .issueTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plus(lifetime)));
  }

  /** The status the filter set, or null when it let the request through. */
  private static HttpStatus call(String bearer) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.method(HttpMethod.POST, URI.create("/internal/tokens/get"))
                .header("Authorization", "Bearer " + bearer));
    AtomicBoolean passed = new AtomicBoolean();
    filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))).block();
    return passed.get() ? null : (HttpStatus) exchange.getResponse().getStatusCode();
  }
}
