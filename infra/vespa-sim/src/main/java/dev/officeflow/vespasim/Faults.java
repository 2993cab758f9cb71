package dev.officeflow.vespasim;

import java.util.List;

/**
 * Fault injection for {@code /document/v1} requests: a share of them is answered with one of the
 * given statuses (picked at random) before anything is applied, and every response can be delayed.
 * The feed client's handshake ({@code dryRun=true}) is never faulted.
 *
 * @param errorRate share of requests to fail, 0 to 1
 * @param statuses statuses to fail with (e.g. 429, 503); must not be empty when errorRate > 0
 * @param latencyMs delay added to every response, in milliseconds
 */
public record Faults(double errorRate, List<Integer> statuses, long latencyMs) {

  public Faults {
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("error_rate must be within [0, 1], was " + errorRate);
    }
    statuses = List.copyOf(statuses);
    if (errorRate > 0 && statuses.isEmpty()) {
      throw new IllegalArgumentException("statuses must not be empty when error_rate > 0");
    }
    if (statuses.stream().anyMatch(status -> status < 400 || status > 599)) {
      throw new IllegalArgumentException("statuses must be 4xx or 5xx, were " + statuses);
    }
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latency_ms must not be negative, was " + latencyMs);
    }
  }

  /** No faults, no delay. */
  public static Faults none() {
    return new Faults(0, List.of(), 0);
  }
}
