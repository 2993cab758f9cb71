package dev.officeflow.office.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcilerSettingsTest {

  private final ReconcilerSettings settings =
      new ReconcilerSettings(
          Duration.ofSeconds(30),
          100,
          8,
          Duration.ofMinutes(2),
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          "");

  @Test
  void backoffDoublesPerFailureFromTheInitialOne() {
    assertThat(settings.backoff(1, 1.0)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.backoff(2, 1.0)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.backoff(4, 1.0)).isEqualTo(Duration.ofMinutes(8));
  }

  @Test
  void backoffIsCappedEvenAfterVeryManyFailures() {
    assertThat(settings.backoff(7, 1.0)).isEqualTo(Duration.ofHours(1));
    assertThat(settings.backoff(10_000, 1.25)).isEqualTo(Duration.ofMinutes(75));
  }

  @Test
  void jitterScalesTheDelay() {
    assertThat(settings.backoff(2, 0.75)).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void maxBackoffShorterThanTheInitialIsRefused() {
    assertThatThrownBy(
            () ->
                new ReconcilerSettings(
                    Duration.ofSeconds(30),
                    100,
                    8,
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-backoff");
  }
}
