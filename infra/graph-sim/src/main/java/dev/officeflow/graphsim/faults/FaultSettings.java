package dev.officeflow.graphsim.faults;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Faults injected into Graph calls (never into the identity platform or the admin API).
 *
 * @param errorRate probability in [0, 1] that a call fails with one of {@code statuses}
 * @param statuses drawn from at random; each one of 429, 500, 502, 503, 504. Default 500 and 503.
 * @param latency added to every Graph answer, failures included
 * @param seed seeds the draws so a run is reproducible
 * @param retryAfter what a 429 or 503 fault names in {@code Retry-After}, whole seconds, at least 1
 */
public record FaultSettings(
    double errorRate, List<Integer> statuses, Duration latency, long seed, Duration retryAfter) {

  /** The statuses a fault may have: Graph's throttling answer and its transient server errors. */
  public static final Set<Integer> ALLOWED = Set.of(429, 500, 502, 503, 504);

  public FaultSettings {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be in [0, 1]: " + errorRate);
    }
    statuses = List.copyOf(statuses);
    if (statuses.isEmpty() || !ALLOWED.containsAll(statuses)) {
      throw new IllegalArgumentException(
          "statuses must be among 429, 500, 502, 503, 504: " + statuses);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    if (retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException("retryAfter must be at least one second: " + retryAfter);
    }
  }

  public static FaultSettings none() {
    return new FaultSettings(0, List.of(500, 503), Duration.ZERO, 1, Duration.ofSeconds(1));
  }

  public FaultSettings withErrorRate(double rate, List<Integer> newStatuses) {
    return new FaultSettings(rate, newStatuses, latency, seed, retryAfter);
  }

  public FaultSettings withLatency(Duration newLatency) {
    return new FaultSettings(errorRate, statuses, newLatency, seed, retryAfter);
  }

  public FaultSettings withSeed(long newSeed) {
    return new FaultSettings(errorRate, statuses, latency, newSeed, retryAfter);
  }

  public FaultSettings withRetryAfter(Duration newRetryAfter) {
    return new FaultSettings(errorRate, statuses, latency, seed, newRetryAfter);
  }
}
