package dev.officeflow.graphsim.faults;

import dev.officeflow.simkit.faults.FailureDraws;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Decides, call by call, whether a Graph call fails and how long its answer is delayed. Queued
 * failures ({@link #failNext}) come before the random error rate, so tests can be exact.
 * Thread-safe.
 */
public final class FaultInjector {

  private FaultSettings settings;
  private final FailureDraws draws;

  public FaultInjector(FaultSettings settings) {
    this.settings = settings;
    this.draws = new FailureDraws(settings.seed());
  }

  /** New settings; the draws start again from their seed, queued failures stay. */
  public synchronized void configure(FaultSettings newSettings) {
    settings = newSettings;
    draws.reseed(newSettings.seed());
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  /** The next {@code count} Graph calls fail with {@code status}; 0 clears what is queued. */
  public synchronized void failNext(int count, int status) {
    if (!FaultSettings.ALLOWED.contains(status)) {
      throw new IllegalArgumentException("status must be among " + FaultSettings.ALLOWED);
    }
    if (count <= 0) {
      draws.clearQueued();
    }
    draws.queue(count, status);
  }

  /** The status this call must fail with, if it must. */
  public synchronized OptionalInt nextFailure() {
    return draws.next(settings.errorRate(), settings.statuses());
  }

  public synchronized Duration latency() {
    return settings.latency();
  }

  public synchronized Duration retryAfter() {
    return settings.retryAfter();
  }

  public synchronized void reset(FaultSettings initial) {
    draws.clearQueued();
    configure(initial);
  }
}
