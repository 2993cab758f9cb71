package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.adapter.ProviderFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundBackoffTest {

  private static final Throwable BROKEN = new IllegalStateException("500");

  private static RoundBackoff backoff(double random) {
    return new RoundBackoff(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> random);
  }

  @Test
  void theWaitDoublesWithEachFailureInARow() {
    RoundBackoff middle = backoff(0.5);

    assertThat(middle.after(1, BROKEN)).isEqualTo(Duration.ofSeconds(30));
    assertThat(middle.after(2, BROKEN)).isEqualTo(Duration.ofSeconds(60));
    assertThat(middle.after(4, BROKEN)).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void theWaitIsCappedHoweverManyRoundsFailed() {
    assertThat(backoff(0.5).after(40, BROKEN)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void jitterSpreadsTheWaitByHalfEitherWay() {
    assertThat(backoff(0.0).after(1, BROKEN)).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff(0.999).after(1, BROKEN))
        .isBetween(Duration.ofSeconds(44), Duration.ofSeconds(45));
  }

  @Test
  void graphsRetryAfterIsHonouredWhenItIsLonger() {
    ProviderFailure throttled =
        new ProviderFailure(
            "microsoft",
            ProviderFailure.Kind.RATE_LIMITED,
            429,
            "429 ApplicationThrottled",
            Duration.ofMinutes(5),
            null);

    assertThat(backoff(0.5).after(1, throttled)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff(0.5).after(6, throttled)).isEqualTo(Duration.ofMinutes(15));
  }
}
