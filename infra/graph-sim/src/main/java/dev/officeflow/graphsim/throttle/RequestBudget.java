package dev.officeflow.graphsim.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that starts full: {@code capacity} requests, refilled continuously at {@code rate}
 * per second. A request takes one if there is one, otherwise it is refused and takes nothing. Time
 * comes from the injected clock. Thread-safe.
 */
final class RequestBudget {

  private final double rate;
  private final double capacity;
  private final Clock clock;
  private double tokens;
  private Instant last;

  RequestBudget(double ratePerSecond, double capacity, Clock clock) {
    this.rate = ratePerSecond;
    this.capacity = capacity;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  /** Takes one request if available. */
  synchronized boolean tryTake() {
    refill();
    if (tokens + 1e-9 < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until one request is available (zero if it is now). */
  synchronized Duration waitForOne() {
    refill();
    double missing = 1 - tokens;
    return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / rate * 1e9));
  }

  synchronized double available() {
    refill();
    return tokens;
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double elapsed = Duration.between(last, now).toNanos() / 1e9;
      tokens = Math.min(capacity, tokens + elapsed * rate);
      last = now;
    }
  }
}
