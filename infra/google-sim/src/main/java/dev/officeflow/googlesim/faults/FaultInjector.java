package dev.officeflow.googlesim.faults;

import dev.officeflow.simkit.faults.FailureDraws;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Decides, call by call, whether to fail and how long to delay. Failures queued for one method
 * ({@link #failNext(String, int, int)}) come first, then those queued for any call ({@link
 * #failNext(int, int)}), then the random error rate, so tests can be exact. Thread-safe.
 */
public final class FaultInjector {

  private FaultSettings settings;
  private final FailureDraws draws;
  private final Map<String, MethodFailures> byMethod = new HashMap<>();

  /** Failures still queued for one method. */
  private static final class MethodFailures {
    int remaining;
    final int status;

    MethodFailures(int remaining, int status) {
      this.remaining = remaining;
      this.status = status;
    }
  }

  public FaultInjector(FaultSettings settings) {
    this.settings = settings;
    this.draws = new FailureDraws(settings.seed());
  }

  public synchronized void configure(FaultSettings newSettings) {
    settings = newSettings;
    draws.reseed(newSettings.seed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** The next {@code count} calls fail with {@code status} (500 or 503). */
  public synchronized void failNext(int count, int status) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException("status must be 500 or 503: " + status);
    }
    draws.queue(count, status);
  }

  /**
   * The next {@code count} calls of {@code method} (as counted in the stats, e.g. {@code
   * gmail.users.watch}) fail with {@code status} (500 or 503), whatever else is queued; 0 clears
   * what is queued for it.
   */
  public synchronized void failNext(String method, int count, int status) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException("status must be 500 or 503: " + status);
    }
    if (count <= 0) {
      byMethod.remove(method);
    } else {
      byMethod.put(method, new MethodFailures(count, status));
    }
  }

  /** The status this call of {@code method} must fail with, if it must. */
  public synchronized OptionalInt nextFailure(String method) {
    MethodFailures failures = byMethod.get(method);
    if (failures != null) {
      if (--failures.remaining <= 0) {
        byMethod.remove(method);
      }
      return OptionalInt.of(failures.status);
    }
    return nextFailure();
  }

  /** The status this call must fail with, if it must. */
  public synchronized OptionalInt nextFailure() {
    return draws.next(settings.errorRate(), settings.statuses());
  }

  public synchronized Duration latency() {
    return settings.latency();
  }

  public synchronized void reset(FaultSettings initial) {
    draws.clearQueued();
    byMethod.clear();
    configure(initial);
  }
}
