package dev.officeflow.googlesim.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final MutableClock clock = MutableClock.at("2026-11-20T12:00:00Z");

  @Test
  void aFullBucketAllowsItsCapacityAtOnceAndNoMore() {
    TokenBucket bucket = new TokenBucket(100, 1000, clock);

    for (int i = 0; i < 200; i++) {
      assertThat(bucket.tryTake(5)).isTrue();
    }

    assertThat(bucket.tryTake(5)).isFalse();
  }

  @Test
  void tokensComeBackAtTheRateAndNeverAboveCapacity() {
    TokenBucket bucket = new TokenBucket(100, 1000, clock);
    assertThat(bucket.tryTake(1000)).isTrue();

    clock.advance(Duration.ofMillis(50));
    assertThat(bucket.available()).isEqualTo(5.0, org.assertj.core.data.Offset.offset(1e-6));
    clock.advance(Duration.ofHours(1));

    assertThat(bucket.available()).isEqualTo(1000.0);
  }

  @Test
  void aRefusedRequestTakesNothingAndSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(100, 1000, clock);
    bucket.tryTake(998);

    assertThat(bucket.tryTake(5)).isFalse();

    assertThat(bucket.available()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(bucket.waitFor(5)).isEqualTo(Duration.ofMillis(30));
  }

  @Test
  void aClientPacedAtTheRateAfterTheBurstIsNeverRefused() {
    QuotaSettings settings = QuotaSettings.defaults();
    TokenBucket bucket =
        new TokenBucket(settings.gmailRate(), settings.capacity(settings.gmailRate()), clock);
    int allowed = 0;
    for (int i = 0; i < 2_000; i++) {
      if (!bucket.tryTake(5)) {
        clock.advance(bucket.waitFor(5));
        assertThat(bucket.tryTake(5)).isTrue();
      }
      allowed++;
    }

    assertThat(allowed).isEqualTo(2_000);
  }

  @Test
  void theMinimumTimeIsTheCostBeyondTheBurstDividedByTheRate() {
    QuotaSettings settings = QuotaSettings.defaults();
    double rate = settings.gmailRate();

    assertThat(settings.capacity(rate)).isEqualTo(1000.0);
    assertThat(settings.minimumTime(2_000 * 5 + 20 * 5, rate)).isEqualTo(Duration.ofSeconds(91));
    assertThat(settings.minimumTime(500, rate)).isEqualTo(Duration.ZERO);
  }
}
