package dev.officeflow.graphsim.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Outlook's throttling per app (OAuth client) and mailbox: first a free slot among {@code
 * concurrentRequests}, then one request from the budget; a refusal takes neither. Settings can
 * change while it runs; each change starts every budget full again. Thread-safe.
 */
public final class MailboxThrottle {

  /** One app's state for one mailbox. */
  private static final class Lane {
    final RequestBudget budget;
    int inFlight;

    Lane(RequestBudget budget) {
      this.budget = budget;
    }
  }

  private record Key(String app, String mailbox) {}

  private final Clock clock;
  private final Map<Key, Lane> lanes = new ConcurrentHashMap<>();
  private volatile ThrottleSettings settings;

  public MailboxThrottle(ThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public ThrottleSettings settings() {
    return settings;
  }

  /** New limits; every budget starts full and in-flight counts start from zero. */
  public synchronized void configure(ThrottleSettings newSettings) {
    settings = newSettings;
    lanes.clear();
  }

  /**
   * Admits or refuses one request of {@code app} to {@code mailbox}. The permit of an admitted one
   * must be released when its answer has been written.
   */
  public Admission admit(String app, String mailbox) {
    ThrottleSettings current = settings;
    if (!current.enabled()) {
      return Admission.admitted(() -> {});
    }
    Lane lane = lanes.computeIfAbsent(new Key(app, mailbox), k -> newLane(current));
    synchronized (lane) {
      if (lane.inFlight >= current.concurrentRequests()) {
        return Admission.refused(ThrottleReason.CONCURRENCY, Duration.ofSeconds(1));
      }
      if (!lane.budget.tryTake()) {
        return Admission.refused(ThrottleReason.REQUEST_BUDGET, lane.budget.waitForOne());
      }
      lane.inFlight++;
    }
    AtomicBoolean released = new AtomicBoolean();
    return Admission.admitted(
        () -> {
          if (released.compareAndSet(false, true)) {
            synchronized (lane) {
              lane.inFlight--;
            }
          }
        });
  }

  /** Requests left in the budget of {@code app} for {@code mailbox} now. */
  public double available(String app, String mailbox) {
    Lane lane = lanes.get(new Key(app, mailbox));
    return lane == null ? settings.burstRequests() : lane.budget.available();
  }

  private Lane newLane(ThrottleSettings s) {
    return new Lane(new RequestBudget(s.ratePerSecond(), s.burstRequests(), clock));
  }
}
