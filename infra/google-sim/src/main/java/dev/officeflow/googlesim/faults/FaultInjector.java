package dev.officeflow.googlesim.faults;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Decides, call by call, whether to fail and how long to delay. Queued one-off failures ({@link
 * #failNext}) come before the random error rate so tests can be exact. Thread-safe.
 */
public final class FaultInjector {

  private FaultSettings settings;
  private SplittableRandom random;
  private final Deque<Integer> queued = new ArrayDeque<>();

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
    configure(initial);
  }
}
