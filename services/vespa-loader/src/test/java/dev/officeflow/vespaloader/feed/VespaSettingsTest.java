package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.vespa.feed.client.FeedClientBuilder.Compression;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

  @Test
  void anEndpointWithoutTrailingSlashGetsOneSoPathsResolveBelowIt() {
    FeedSettings settings = FeedSettings.of(URI.create("http://vespa:8080"));

    assertThat(settings.endpoint()).isEqualTo(URI.create("http://vespa:8080/"));
  }

  @Test
  void theInFlightBoundIsSpreadOverEveryConnectionOfEveryEndpoint() {
    FeedSettings settings = settings(List.of("http://a:8080/", "http://b:8080/"), 2, 256);

    assertThat(settings.streamsPerConnection()).isEqualTo(64);
  }

  @Test
  void everyConnectionCarriesAtLeastOneStream() {
    assertThat(settings(List.of("http://a:8080/"), 4, 1).streamsPerConnection()).isEqualTo(1);
  }

  @Test
  void theFeedClientStartsAtTheInFlightBoundRatherThanClimbingToIt() {
    FeedSettings settings = settings(List.of("http://a:8080/"), 2, 256);

    assertThat(2 * 2 * settings.initialInflightFactor()).isEqualTo(256);
  }

  @Test
  void anEndpointThatIsNotHttpIsRejected() {
    assertThatThrownBy(() -> FeedSettings.of(URI.create("tcp://vespa:8080/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https");
  }

  private static FeedSettings settings(List<String> endpoints, int connections, int inFlight) {
    return new FeedSettings(
        endpoints.stream().map(URI::create).toList(),
        "officeflow",
        "officeflow",
        connections,
        inFlight,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Compression.none);
  }
}
