package dev.officeflow.googlesim.faults;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Decides, call by call, whether to fail and how long to delay. Failures queued for one method
 * ({@link #failNext(String, int, int)}) come first, then those queued for any call ({@link
 * #failNext(int, int)}), then the random error rate, so tests can be exact. Thread-safe.
 */
public final class FaultInjector {

  private FaultSettings settings;
  private SplittableRandom random;
  private final Deque<Integer> queued = new ArrayDeque<>();
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
    configure(settings);
  }

  public synchronized void configure(FaultSettings newSettings) {
    settings = newSettings;
    random = new SplittableRandom(newSettings.seed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** The next {@code count} calls fail with {@code status} (500 or 503). */
  public synchronized void failNext(int count, int status) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException("status must be 500 or 503: " + status);
    }
    for (int i = 0; i < count; i++) {
      queued.add(status);
    }
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
    if (!queued.isEmpty()) {
      return OptionalInt.of(queued.poll());
    }
    if (settings.errorRate() > 0 && random.nextDouble() < settings.errorRate()) {
      return OptionalInt.of(settings.statuses().get(random.nextInt(settings.statuses().size())));
    }
    return OptionalInt.empty();
  }

  public synchronized Duration latency() {
    return settings.latency();
  }

  public synchronized void reset(FaultSettings initial) {
    queued.clear();
    byMethod.clear();
    configure(initial);
  }
}
