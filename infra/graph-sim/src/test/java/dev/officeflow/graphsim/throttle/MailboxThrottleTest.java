package dev.officeflow.graphsim.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailboxThrottleTest {

  private final MutableClock clock = MutableClock.at("2026-11-20T12:00:00Z");

  @Test
  void aFullBudgetAdmitsItsBurstThenRefusesWithTheWaitForOneRequest() {
    MailboxThrottle throttle = throttle(600, 3, 4);
    for (int i = 0; i < 3; i++) {
      throttle.admit("app", "box").permit().release();
    }

    Admission refused = throttle.admit("app", "box");

    assertThat(refused.isAdmitted()).isFalse();
    assertThat(refused.refusal()).isEqualTo(ThrottleReason.REQUEST_BUDGET);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void theBudgetRefillsAtItsRatePerTenMinutes() {
    MailboxThrottle throttle = throttle(60, 1, 4);
    throttle.admit("app", "box").permit().release();
    clock.advance(Duration.ofSeconds(9));
    assertThat(throttle.admit("app", "box").isAdmitted()).isFalse();

    clock.advance(Duration.ofSeconds(1));

    assertThat(throttle.admit("app", "box").isAdmitted()).isTrue();
  }

  @Test
  void aFifthConcurrentRequestIsRefusedUntilOneEnds() {
    MailboxThrottle throttle = throttle(10_000, 10_000, 4);
    Admission[] inFlight = new Admission[4];
    for (int i = 0; i < 4; i++) {
      inFlight[i] = throttle.admit("app", "box");
    }

    Admission fifth = throttle.admit("app", "box");
    inFlight[0].permit().release();
    Admission afterOne = throttle.admit("app", "box");

    assertThat(fifth.refusal()).isEqualTo(ThrottleReason.CONCURRENCY);
    assertThat(afterOne.isAdmitted()).isTrue();
  }

  @Test
  void aRefusalTakesNothingFromTheBudget() {
    MailboxThrottle throttle = throttle(600, 5, 1);
    Admission held = throttle.admit("app", "box");
    throttle.admit("app", "box");
    throttle.admit("app", "box");

    assertThat(throttle.available("app", "box")).isEqualTo(4.0);
    held.permit().release();
  }

  @Test
  void releasingAPermitTwiceFreesOneSlot() {
    MailboxThrottle throttle = throttle(10_000, 10_000, 1);
    Admission first = throttle.admit("app", "box");
    first.permit().release();
    first.permit().release();
    Admission second = throttle.admit("app", "box");

    assertThat(throttle.admit("app", "box").refusal()).isEqualTo(ThrottleReason.CONCURRENCY);
    second.permit().release();
  }

  @Test
  void eachAppHasItsOwnBudgetForEachMailbox() {
    MailboxThrottle throttle = throttle(600, 1, 4);
    throttle.admit("app", "box").permit().release();

    assertThat(throttle.admit("app", "box").isAdmitted()).isFalse();
    assertThat(throttle.admit("other-app", "box").isAdmitted()).isTrue();
    assertThat(throttle.admit("app", "other-box").isAdmitted()).isTrue();
  }

  @Test
  void disabledThrottlingAdmitsEverything() {
    MailboxThrottle throttle = new MailboxThrottle(new ThrottleSettings(1, 1, 1, false), clock);

    for (int i = 0; i < 10; i++) {
      assertThat(throttle.admit("app", "box").isAdmitted()).isTrue();
    }
  }

  @Test
  void newSettingsStartEveryBudgetFull() {
    MailboxThrottle throttle = throttle(600, 1, 4);
    throttle.admit("app", "box").permit().release();

    throttle.configure(throttle.settings().withBurstRequests(2));

    assertThat(throttle.available("app", "box")).isEqualTo(2.0);
  }

  @Test
  void theMinimumTimeIsWhatTheBudgetAllowsBeyondItsBurst() {
    ThrottleSettings settings = new ThrottleSettings(600, 100, 4, true);

    assertThat(settings.minimumTime(100)).isZero();
    assertThat(settings.minimumTime(400)).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void withLatencyTheLargerOfTheBudgetsAndTheConcurrencysBoundBinds() {
    ThrottleSettings settings = new ThrottleSettings(600, 100, 4, true);

    assertThat(settings.minimumTime(400, Duration.ofMillis(100)))
        .isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.minimumTime(100, Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(5));
  }

  private MailboxThrottle throttle(int per10Minutes, int burst, int concurrent) {
    return new MailboxThrottle(new ThrottleSettings(per10Minutes, burst, concurrent, true), clock);
  }
}
