package dev.officeflow.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.runtime.web.sample.SampleApplication;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The shared web layer in a service of the one shape ({@link SampleApplication}): the internal and
 * the user-JWT chains, and every error as a problem with its code, whatever the service's JSON
 * naming strategy.
 */
@IntegrationTest
class SharedWebIT {

  private static final String SERVICE_TOKEN = "shared-web-test-token";

  private static TestJwks jwks;
  private static ServiceUnderTest sample;
  private static ConfigurableApplicationContext context;
  private static WebTestClient http;

  @BeforeAll
  static void start() {
    jwks = TestJwks.start();
    sample = SampleApplication.start(jwks, SERVICE_TOKEN);
    context = sample.context();
    http =
        WebTestClient.bindToServer()
            .baseUrl(sample.baseUrl())
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() {
    sample.close();
    jwks.close();
  }

  @Test
  void onlyConfigurationClassesAreScannedAndTheyDeclareTheController() {
    assertThat(
            context.getBeanNamesForType(dev.officeflow.runtime.web.sample.SampleController.class))
        .hasSize(1);
  }

  @Test
  void healthAndTheServicesPublicRoutesNeedNoToken() {
    http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    http.get().uri("/public/hello").exchange().expectStatus().isOk();
  }

  @Test
  void aValidUserTokenReachesTheRouteAsItsSubject() {
    http.get()
        .uri("/api/me")
        .headers(h -> h.setBearerAuth(jwks.token("user-1")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .isEqualTo("{\"user_id\":\"user-1\"}");
  }

  @Test
  void noTokenIs401WithAProblemAndABearerChallenge() {
    WebTestClient.ResponseSpec response = http.get().uri("/api/me").exchange();
    response
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer");
    assertThat(problem(response))
        .containsEntry("code", "unauthorized")
        .containsEntry("status", 401)
        .containsEntry("instance", "/api/me");
  }

  @Test
  void aTokenForAnotherAudienceOrExpiredIs401() {
    String otherAudience =
        jwks.token("user-1", TestJwks.ISSUER, List.of("someone-else"), Duration.ofMinutes(5));
    String expired =
        jwks.token("user-1", TestJwks.ISSUER, List.of("officeflow"), Duration.ofMinutes(-5));
    String otherIssuer = jwks.token("user-1", "evil", List.of("officeflow"), Duration.ofMinutes(5));
    for (String token : List.of(otherAudience, expired, otherIssuer)) {
      WebTestClient.ResponseSpec response =
          http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange();
      response
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      assertThat(problem(response)).containsEntry("code", "unauthorized");
    }
  }

  @Test
  void internalRoutesTakeTheServiceCredentialAndRefuseAUserToken() {
    http.get()
        .uri("/internal/ping")
        .headers(h -> h.setBearerAuth(SERVICE_TOKEN))
        .exchange()
        .expectStatus()
        .isOk();
    WebTestClient.ResponseSpec user =
        http.get().uri("/internal/ping").headers(h -> h.setBearerAuth(jwks.token("u"))).exchange();
    user.expectStatus().isForbidden();
    assertThat(problem(user)).containsEntry("code", "forbidden");
    WebTestClient.ResponseSpec none = http.get().uri("/internal/ping").exchange();
    none.expectStatus().isUnauthorized();
    assertThat(problem(none)).containsEntry("code", "unauthorized");
  }

  @Test
  void anApiExceptionIsAProblemWithItsCodeAndProperties() {
    WebTestClient.ResponseSpec response = post("{\"name\":\"a\",\"times\":9}");
    response.expectStatus().isBadRequest();
    assertThat(problem(response))
        .containsEntry("code", "too_many_times")
        .containsEntry("type", "urn:officeflow:problem:too_many_times")
        .containsEntry("detail", "at most 3 greetings")
        .containsEntry("offending", List.of("times"));
  }

  @Test
  void anUnreadableBodyIs400InvalidRequestSayingWhatWasWrong() {
    WebTestClient.ResponseSpec response = post("{\"name\":\"a\",\"times\":\"many\"}");
    response.expectStatus().isBadRequest();
    Map<String, Object> problem = problem(response);
    assertThat(problem).containsEntry("code", "invalid_request");
    assertThat((String) problem.get("detail")).as(problem.toString()).contains("times");
  }

  @Test
  void aMissingResourceAndAMissingRouteAre404Problems() {
    WebTestClient.ResponseSpec thing = get("/api/things/42");
    thing.expectStatus().isNotFound();
    assertThat(problem(thing))
        .containsEntry("code", "not_found")
        .containsEntry("detail", "no thing 42");
    WebTestClient.ResponseSpec route = get("/api/nowhere");
    route.expectStatus().isNotFound();
    assertThat(problem(route)).containsEntry("code", "not_found");
  }

  @Test
  void anUnexpectedFailureIs500WithoutItsMessage() {
    WebTestClient.ResponseSpec response = get("/api/broken");
    response.expectStatus().is5xxServerError();
    Map<String, Object> problem = problem(response);
    assertThat(problem).containsEntry("code", "internal_error");
    assertThat(problem.toString()).doesNotContain("secret internals");
  }

  @Test
  void aWrongMethodIs405Problem() {
    WebTestClient.ResponseSpec response =
        http.delete().uri("/api/me").headers(h -> h.setBearerAuth(jwks.token("u"))).exchange();
    response.expectStatus().isEqualTo(405);
    assertThat(problem(response)).containsEntry("code", "method_not_allowed");
  }

  private static WebTestClient.ResponseSpec get(String path) {
    return http.get().uri(path).headers(h -> h.setBearerAuth(jwks.token("u"))).exchange();
  }

  private static WebTestClient.ResponseSpec post(String json) {
    return http.post()
        .uri("/api/greetings")
        .headers(h -> h.setBearerAuth(jwks.token("u")))
        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
        .bodyValue(json)
        .exchange();
  }

  private static Map<String, Object> problem(WebTestClient.ResponseSpec response) {
    return response
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }
}
