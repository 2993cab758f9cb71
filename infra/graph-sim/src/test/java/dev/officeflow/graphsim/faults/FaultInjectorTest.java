package dev.officeflow.graphsim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  @Test
  void queuedFailuresComeFirstAndInOrder() {
    FaultInjector faults = new FaultInjector(FaultSettings.none());
    faults.failNext(1, 429);
    faults.failNext(1, 503);

    assertThat(faults.nextFailure()).isEqualTo(OptionalInt.of(429));
    assertThat(faults.nextFailure()).isEqualTo(OptionalInt.of(503));
    assertThat(faults.nextFailure()).isEmpty();
  }

  @Test
  void theErrorRateFailsAboutThatShareWithTheConfiguredStatuses() {
    FaultInjector faults =
        new FaultInjector(FaultSettings.none().withErrorRate(0.2, List.of(429, 503)));

    List<Integer> failures =
        IntStream.range(0, 10_000)
            .mapToObj(i -> faults.nextFailure())
            .filter(OptionalInt::isPresent)
            .map(OptionalInt::getAsInt)
            .toList();

    assertThat(failures.size()).isBetween(1_800, 2_200);
    assertThat(failures).containsOnly(429, 503);
  }

  @Test
  void theSameSeedFailsTheSameCalls() {
    FaultSettings settings = FaultSettings.none().withErrorRate(0.3, List.of(500)).withSeed(9);
    FaultInjector a = new FaultInjector(settings);
    FaultInjector b = new FaultInjector(settings);

    for (int i = 0; i < 200; i++) {
      assertThat(a.nextFailure()).isEqualTo(b.nextFailure());
    }
  }

  @Test
  void onlyThrottlingAndTransientServerStatusesCanBeInjected() {
    assertThatThrownBy(() -> FaultSettings.none().withErrorRate(0.1, List.of(404)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultInjector(FaultSettings.none()).failNext(1, 401))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
