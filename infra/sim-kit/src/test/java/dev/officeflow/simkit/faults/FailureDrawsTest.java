package dev.officeflow.simkit.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureDrawsTest {

  private static final List<Integer> STATUSES = List.of(500, 503);

  @Test
  void queuedFailuresComeFirstInOrder() {
    FailureDraws draws = new FailureDraws(1);
    draws.queue(1, 503);
    draws.queue(1, 500);

    assertThat(draws(draws, 0, 3))
        .containsExactly(OptionalInt.of(503), OptionalInt.of(500), OptionalInt.empty());
  }

  @Test
  void theSameSeedDrawsTheSameFailures() {
    assertThat(draws(new FailureDraws(7), 0.5, 200))
        .isEqualTo(draws(new FailureDraws(7), 0.5, 200))
        .contains(OptionalInt.of(500), OptionalInt.of(503), OptionalInt.empty());
  }

  @Test
  void reseedingStartsTheDrawsAgainAndKeepsTheQueue() {
    FailureDraws draws = new FailureDraws(7);
    List<OptionalInt> first = draws(draws, 0.5, 50);
    draws.queue(1, 500);
    draws.reseed(7);

    assertThat(draws.next(0.5, STATUSES)).hasValue(500);
    assertThat(draws(draws, 0.5, 50)).isEqualTo(first);
  }

  @Test
  void aRateOfZeroNeverFailsAndARateOfOneAlwaysDoes() {
    FailureDraws draws = new FailureDraws(3);

    assertThat(draws(draws, 0, 100)).allMatch(OptionalInt::isEmpty);
    assertThat(draws(draws, 1, 100)).allMatch(OptionalInt::isPresent);
  }

  @Test
  void clearingTheQueueLeavesOnlyTheRandomDraws() {
    FailureDraws draws = new FailureDraws(1);
    draws.queue(3, 503);
    draws.clearQueued();

    assertThat(draws.next(0, STATUSES)).isEmpty();
  }

  private static List<OptionalInt> draws(FailureDraws draws, double rate, int calls) {
    List<OptionalInt> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(draws.next(rate, STATUSES));
    }
    return out;
  }
}
