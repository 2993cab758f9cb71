package dev.officeflow.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests move by hand, for code that takes an injected {@link Clock} (expiry, renewal,
 * schedules). UTC. Thread-safe.
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  /** Now, to the millisecond (what PostgreSQL keeps, so values read back compare equal). */
  public static MutableClock startingNow() {
    return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant));
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // The code under test only reads instants; a zone-bound copy would stop following the test.
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
