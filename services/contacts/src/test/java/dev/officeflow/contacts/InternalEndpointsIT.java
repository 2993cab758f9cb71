package dev.officeflow.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.contacts.testing.ContactsApp;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /internal/**} on contacts takes the service credential past the user-JWT security (the
 * runtime's consumer control is such an endpoint), and refuses everyone else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalEndpointsIT {

  private static final String SERVICE_TOKEN = "contacts-test-service-token";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private ContactsApp app;

  @BeforeAll
  void start() {
    app =
        ContactsApp.start(
            "contacts_internal", Map.of("officeflow.security.callers.operator", SERVICE_TOKEN));
  }

  @AfterAll
  void stop() {
    app.close();
  }

  @Test
  void theServiceCredentialPausesAndResumesTheConsumers() throws Exception {
    HttpResponse<String> paused = send("POST", "/internal/consumers/pause", SERVICE_TOKEN);
    HttpResponse<String> resumed = send("POST", "/internal/consumers/resume", SERVICE_TOKEN);

    assertThat(paused.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(paused.body());
    assertThat(body.path("state").asString()).isEqualTo("paused");
    assertThat(body.path("subscriptions").valueStream())
        .extracting(s -> s.path("subscription").asString())
        .containsExactlyInAnyOrder(
            app.prefix() + "contacts-integrations",
            app.prefix() + "contacts-users",
            app.prefix() + "contacts-emails",
            app.prefix() + "contacts-calendars",
            app.prefix() + "contacts-progress");
    assertThat(body.path("subscriptions").valueStream())
        .allSatisfy(s -> assertThat(s.path("subscriber").asString()).isEqualTo("terminated"))
        .allSatisfy(s -> assertThat(s.has("in_flight")).isTrue());
    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(resumed.body()).path("state").asString()).isEqualTo("running");
  }

  @Test
  void withoutACredentialInternalPathsAre401() throws Exception {
    HttpResponse<String> response = send("GET", "/internal/consumers", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertProblem(response, 401, "unauthorized");
  }

  @Test
  void aUserTokenIsForbiddenOnInternalPaths() throws Exception {
    String userToken = app.jwks().token("u-alice");

    HttpResponse<String> response = send("POST", "/internal/consumers/pause", userToken);

    assertThat(response.statusCode()).isEqualTo(403);
    assertProblem(response, 403, "forbidden");
  }

  /** An RFC 9457 problem with the shared members and {@code code}. */
  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("type").asString()).isEqualTo("urn:officeflow:problem:" + code);
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  private HttpResponse<String> send(String method, String path, @Nullable String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
