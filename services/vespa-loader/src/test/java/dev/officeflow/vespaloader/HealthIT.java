package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's actuator health includes whether the feed endpoint answers. */
@IntegrationTest
class HealthIT {

  private LoaderApp app;

  @BeforeEach
  void start() {
    app = LoaderApp.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void actuatorHealthReportsTheVespaEndpointAsUpWhenItAnswers() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    JsonNode vespa =
        JsonMapper.builder().build().readTree(response.body()).path("components").path("vespa");
    assertThat(vespa.path("status").asString()).isEqualTo("UP");
    assertThat(vespa.path("details").path("endpoint").asString())
        .isEqualTo("http://127.0.0.1:" + app.sim().port() + "/");
  }
}
