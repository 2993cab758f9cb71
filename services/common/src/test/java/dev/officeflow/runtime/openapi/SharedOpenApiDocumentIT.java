package dev.officeflow.runtime.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.runtime.web.sample.SampleApplication;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What services-common puts in every service's OpenAPI document, seen in the sample service's: the
 * problem schema on every error, the scheme each route takes, the consumer control.
 */
@IntegrationTest
class SharedOpenApiDocumentIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROBLEM = "#/components/schemas/Problem";

  private static TestJwks jwks;
  private static ServiceUnderTest sample;
  private static JsonNode document;

  @BeforeAll
  static void fetchTheDocument() {
    jwks = TestJwks.start();
    sample = SampleApplication.start(jwks, "openapi-test-token");
    String body =
        WebTestClient.bindToServer()
            .baseUrl(sample.baseUrl())
            .responseTimeout(Duration.ofSeconds(60))
            .build()
            .get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    document = JSON.readTree(body);
  }

  @AfterAll
  static void stop() {
    sample.close();
    jwks.close();
  }

  @Test
  void theDocumentIsServedWithoutAToken() {
    assertThat(document.path("info").path("title").asString()).isEqualTo("officeflow sample");
  }

  @Test
  void everyErrorResponseIsAProblemWithItsCode() {
    assertThat(document.at("/components/schemas/Problem/required").valueStream())
        .extracting(JsonNode::asString)
        .contains("code", "status", "type");
    assertThat(errorResponses())
        .isNotEmpty()
        .allSatisfy(
            response ->
                assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
                    .isEqualTo(PROBLEM));
  }

  @Test
  void internalRoutesTakeTheServiceCredentialAndTheRestAUserJwt() {
    assertThat(security("/internal/ping", "get")).containsExactly("service-credential");
    assertThat(security("/internal/consumers", "get")).containsExactly("service-credential");
    assertThat(security("/api/me", "get")).containsExactly("user-jwt");
    assertThat(operation("/internal/ping", "get").at("/responses/403").isMissingNode()).isFalse();
  }

  @Test
  void aRouteDeclaredPublicTakesNoToken() {
    assertThat(security("/public/hello", "get")).isEmpty();
    assertThat(operation("/public/hello", "get").at("/responses/401").isMissingNode()).isTrue();
  }

  @Test
  void theConsumerControlIsDocumentedWithItsAnswer() {
    assertThat(operation("/internal/consumers/pause", "post").path("operationId").asString())
        .isEqualTo("pauseConsumers");
    assertThat(
            operation("/internal/consumers", "get")
                .at("/responses/200/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/ConsumersView");
    assertThat(document.at("/components/schemas/ConsumersView/properties/in_flight").isObject())
        .isTrue();
  }

  private static JsonNode operation(String path, String method) {
    return document.path("paths").path(path).path(method);
  }

  private static List<String> security(String path, String method) {
    return operation(path, method)
        .path("security")
        .valueStream()
        .flatMap(requirement -> requirement.propertyNames().stream())
        .toList();
  }

  private static List<JsonNode> errorResponses() {
    return document
        .path("paths")
        .valueStream()
        .flatMap(JsonNode::valueStream)
        .flatMap(op -> op.path("responses").properties().stream())
        .filter(e -> e.getKey().matches("[45]\\d\\d|default"))
        .map(java.util.Map.Entry::getValue)
        .toList();
  }
}
