package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeObserverTest {

  @Test
  void labelsAreTheOutcomeKindsNeverFreeText() {
    assertThat(OutcomeObserver.label(Outcome.done())).isEqualTo("done");
    assertThat(OutcomeObserver.label(Outcome.duplicate())).isEqualTo("duplicate");
    assertThat(OutcomeObserver.label(Outcome.stale())).isEqualTo("stale");
    assertThat(OutcomeObserver.label(Outcome.skipped("provider x"))).isEqualTo("skipped");
    assertThat(OutcomeObserver.label(Outcome.retry("timeout after 10 s"))).isEqualTo("retry");
    assertThat(OutcomeObserver.label(Outcome.deadLetter("invalid: x"))).isEqualTo("dead_letter");
    assertThat(OutcomeObserver.label(Outcome.forgotten())).isEqualTo("forgotten");
    assertThat(OutcomeObserver.label(Outcome.unavailable("unavailable: db down")))
        .isEqualTo("unavailable");
  }

  @Test
  void anAckWithAReasonOfItsOwnCountsAsDone() {
    assertThat(OutcomeObserver.label(new Outcome(Outcome.Action.ACK, "stored 3 rows")))
        .isEqualTo("done");
  }
}
