package dev.officeflow.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
      new ServiceCredentialWebFilter(
          new CallerTokens(
              Map.of(
                  "office", List.of("current", "previous"),
                  "operator", List.of("ops"),
                  "vespa-loader", List.of("loader"))),
          null,
          List.of(InternalAccess.of("/internal/tokens/**", "office")));

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
  void aCallersCurrentAndPreviousTokensPassWhereTheRouteNamesIt() {
    assertThat(call("/internal/tokens/get", "Bearer current")).isNull();
    assertThat(call("/internal/tokens/get", "bearer previous")).isNull();
  }

  @Test
  void aKnownCallerTheRouteDoesNotNameIs403() {
    assertThat(call("/internal/tokens/get", "Bearer loader")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("/internal/tokens/get", "Bearer ops")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void routesNoRuleNamesAreTheOperatorsAlone() {
    assertThat(call("/internal/backfill/start", "Bearer ops")).isNull();
    assertThat(call("/internal/backfill/start", "Bearer current")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aCallerNamedByAnEnvironmentVariableIsTheCallerARouteNames() {
    // OFFICEFLOW_SECURITY_CALLERS_VESPALOADER binds as "vespaloader": no dash in a variable name.
    ServiceCredentialWebFilter fromEnvironment =
        new ServiceCredentialWebFilter(
            new CallerTokens(Map.of("vespaloader", List.of("loader"), "OPERATOR", List.of("ops"))),
            null,
            List.of(InternalAccess.of("/internal/feed/**", "vespa-loader")));

    assertThat(call(fromEnvironment, "/internal/feed/x", "Bearer loader")).isNull();
    assertThat(call(fromEnvironment, "/internal/other", "Bearer ops")).isNull();
    assertThat(call(fromEnvironment, "/internal/other", "Bearer loader"))
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void internalPathsSpelledDifferentlyAreGuardedToo() {
    assertThat(call("/internal;x=1/tokens/get", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("/%69nternal/tokens/get", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("/internal", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("/internal;x=1/tokens/get", "Bearer loader")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("/%69nternal/tokens/get", "Bearer loader")).isEqualTo(HttpStatus.FORBIDDEN);
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

  /** The status the filter set, or null when it let the request through. */
  private HttpStatus call(String path, String authorization) {
    return call(filter, path, authorization);
  }

  private static HttpStatus call(
      ServiceCredentialWebFilter filter, String path, String authorization) {
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
