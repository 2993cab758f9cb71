package dev.officeflow.googlesim.faults;

import java.time.Duration;
import java.util.List;

/**
 * Faults injected into Gmail and Calendar calls (never into OAuth or the admin API).
 *
 * @param errorRate probability in [0, 1] that a call fails with one of {@code statuses}
 * @param statuses the statuses to draw from, each 500 or 503; default both
 * @param latency added to every call's response
 * @param seed seeds the random draws so a run is reproducible
 */
public record FaultSettings(double errorRate, List<Integer> statuses, Duration latency, long seed) {

  public FaultSettings {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be in [0, 1]: " + errorRate);
    }
    statuses = List.copyOf(statuses);
    if (statuses.isEmpty() || statuses.stream().anyMatch(s -> s != 500 && s != 503)) {
      throw new IllegalArgumentException("statuses must be 500 and/or 503: " + statuses);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
  }

  public static FaultSettings none() {
    return new FaultSettings(0, List.of(500, 503), Duration.ZERO, 1);
  }

  public FaultSettings withErrorRate(double rate, List<Integer> newStatuses) {
    return new FaultSettings(rate, newStatuses, latency, seed);
  }

  public FaultSettings withLatency(Duration newLatency) {
    return new FaultSettings(errorRate, statuses, newLatency, seed);
  }
}
