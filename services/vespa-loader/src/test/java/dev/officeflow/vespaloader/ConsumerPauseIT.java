package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.testsupport.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator pauses the loader (a Vespa maintenance, say): events wait in Pub/Sub and are fed once
 * the loader resumes.
 */
@IntegrationTest
class ConsumerPauseIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
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
  void eventsPublishedWhilePausedAreFedAfterResume() throws Exception {
    HttpResponse<String> paused = post("/internal/consumers/pause", LoaderApp.SERVICE_TOKEN);
    EmailEvent event = EventFixtures.emailEvent("u-paused", "m1");
    app.publish(event);

    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(paused.body()).path("state").asString()).isEqualTo("paused");
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> app.sim().stats().puts() == 0);
    assertThat(post("/internal/consumers/resume", LoaderApp.SERVICE_TOKEN).statusCode())
        .isEqualTo(200);
    await().atMost(WAIT).until(() -> app.sim().documents("email", "u-paused").size() == 1);
  }

  @Test
  void withoutTheOperatorsCredentialTheLoaderCannotBePaused() throws Exception {
    assertThat(post("/internal/consumers/pause", null).statusCode()).isEqualTo(401);
    assertThat(post("/internal/consumers/pause", "a-guess").statusCode()).isEqualTo(401);
    // A service the local profile knows, but pausing is the operator's.
    assertThat(post("/internal/consumers/pause", "local-dev-office-token").statusCode())
        .isEqualTo(403);
  }

  private HttpResponse<String> post(String path, @Nullable String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
