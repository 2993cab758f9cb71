package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespasim.VespaSim;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class VespaHealthIndicatorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void upWhenTheEndpointAnswersTheFeedHandshake() {
    try (VespaSim sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"))) {
      Health health = check(URI.create("http://127.0.0.1:" + sim.port() + "/"));

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("status", 200);
    }
  }

  @Test
  void downWhenNothingListens() {
    Health health = check(FakeVespa.unreachable());

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsKey("error");
  }

  @Test
  void downWithTheStatusWhenTheEndpointAnswersWithAnError() {
    try (FakeVespa vespa = FakeVespa.answering(uri -> new FakeVespa.Reply(503, "{}"))) {
      Health health = check(vespa.endpoint());

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("status", 503);
      assertThat(vespa.requests())
          .singleElement()
          .satisfies(request -> assertThat(request.getQuery()).isEqualTo("dryRun=true"));
    }
  }

  private static Health check(URI endpoint) {
    try (FeedClients clients =
        new FeedClients(
            () -> {
              throw new IllegalStateException("not used");
            },
            Clock.systemUTC(),
            Duration.ofSeconds(1))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(TIMEOUT)
              .build();
      return new VespaHealthIndicator(http, clients, endpoint, TIMEOUT)
          .health()
          .block(Duration.ofSeconds(10));
    }
  }
}
