package dev.officeflow.googlesim.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that starts full: {@code capacity} tokens, refilled continuously at {@code rate}
 * per second. A request takes its cost if that many tokens are there, otherwise it is refused and
 * takes nothing. Time comes from the injected clock. Thread-safe.
 */
public final class TokenBucket {

  private final double rate;
  private final double capacity;
  private final Clock clock;
  private double tokens;
  private Instant last;

  public TokenBucket(double ratePerSecond, double capacity, Clock clock) {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    this.rate = ratePerSecond;
    this.capacity = capacity;
    this.clock = clock;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  /** Takes {@code cost} tokens if available; returns whether it did. */
  public synchronized boolean tryTake(double cost) {
    if (!canTake(cost)) {
      return false;
    }
    tokens -= cost;
    return true;
  }

  /** Whether {@code cost} tokens are there now (the test {@link #tryTake} makes), taking none. */
  public synchronized boolean canTake(double cost) {
    refill();
    return tokens + 1e-9 >= cost;
  }

  /** Tokens available now. */
  public synchronized double available() {
    refill();
    return tokens;
  }

  /** How long until {@code cost} tokens will be available (zero if they are now). */
  public synchronized Duration waitFor(double cost) {
    refill();
    double missing = cost - tokens;
    return missing <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(missing / rate * 1e9));
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
