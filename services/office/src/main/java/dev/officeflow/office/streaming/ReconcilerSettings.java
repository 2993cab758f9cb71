package dev.officeflow.office.streaming;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming reconciler ({@code officeflow.office.streaming.reconciler.*}).
 *
 * @param interval how often each instance reconciles (adopts completed backfills, (re)starts what
 *     is missing or due, measures the gauge), the first time one interval after it started; default
 *     30 s. A completed backfill also wakes this instance's reconciler at once.
 * @param batch at most this many targets claimed per source and round; default 100
 * @param concurrency targets of one round worked on at once; default 8
 * @param lease how long a claimed target stays with its instance if the instance dies mid-work
 *     (database clock); default 2 min
 * @param initialBackoff the delay after a user's first failed (re)start, doubled per further
 *     failure (±25 % jitter); default 1 min
 * @param maxBackoff the longest such delay; default 1 hour
 * @param instanceId this instance's name in leases; default host, pid and a random suffix
 */
@ConfigurationProperties("officeflow.office.streaming.reconciler")
public record ReconcilerSettings(
    @DefaultValue("30s") Duration interval,
    @DefaultValue("100") int batch,
    @DefaultValue("8") int concurrency,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("1m") Duration initialBackoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("") String instanceId) {

  public ReconcilerSettings {
    if (interval.isNegative() || interval.isZero() || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("interval and lease must be positive");
    }
    if (batch < 1 || concurrency < 1) {
      throw new IllegalArgumentException("batch and concurrency must be positive");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("max-backoff must be at least initial-backoff");
    }
  }

  /**
   * The delay before the next try after {@code attempts} failures in a row: the initial backoff
   * doubled per failure after the first, capped, times {@code jitter} (0.75 to 1.25).
   */
  public Duration backoff(int attempts, double jitter) {
    long base = initialBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
    long capped = Math.min(base < 0 ? Long.MAX_VALUE : base, maxBackoff.toMillis());
    return Duration.ofMillis((long) (capped * jitter));
  }
}
