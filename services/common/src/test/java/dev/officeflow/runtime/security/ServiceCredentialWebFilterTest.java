package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ServiceCredentialWebFilterTest {

  private static final String USER_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln";

  private final ServiceCredentialWebFilter filter =
      new ServiceCredentialWebFilter(new ServiceCredentials(List.of("current", "previous")));

  @Test
  void internalEndpointWithoutCredentialIs401() {
    assertThat(call("/internal/backfill/start", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void internalEndpointWithUserJwtIs403() {
    assertThat(call("/internal/tokens/get", "Bearer " + USER_JWT)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void internalEndpointWithUnknownSecretIs401() {
    assertThat(call("/internal/tokens/get", "Bearer guess")).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void currentAndPreviousServiceTokensPass() {
    assertThat(call("/internal/tokens/get", "Bearer current")).isNull();
    assertThat(call("/internal/tokens/get", "bearer previous")).isNull();
  }

  @Test
  void internalPathsSpelledDifferentlyAreGuardedToo() {
    assertThat(call("/internal;x=1/tokens/get", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("/%69nternal/tokens/get", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("/internal", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void otherPathsAreLeftToTheirOwnSecurity() {
    assertThat(call("/onboarding/vips", null)).isNull();
    assertThat(call("/internals/x", null)).isNull();
  }

  @Test
  void aRefusalIsAProblemWithItsCode() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.method(HttpMethod.GET, URI.create("/internal/tokens/get"))
                .header("Authorization", "Bearer " + USER_JWT));
    filter.filter(exchange, e -> Mono.empty()).block();
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains(
            "\"type\":\"urn:officeflow:problem:forbidden\"",
            "\"status\":403",
            "\"code\":\"forbidden\"",
            "\"instance\":\"/internal/tokens/get\"");
  }

  @Test
  void ownHeaderCarriesTheFirstToken() {
    assertThat(new ServiceCredentials(List.of("a", "b")).authorizationHeader())
        .isEqualTo("Bearer a");
  }

  /** The status the filter set, or null when it let the request through. */
  private HttpStatus call(String path, String authorization) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.method(HttpMethod.GET, URI.create(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    MockServerWebExchange exchange = MockServerWebExchange.from(request);
    AtomicBoolean passed = new AtomicBoolean();
    filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))).block();
    return passed.get() ? null : (HttpStatus) exchange.getResponse().getStatusCode();
  }
}
