package dev.officeflow.runtime.deadletter;

import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.deadletter.DeadLetterScan;
import dev.officeflow.events.deadletter.DeadLetterUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes forgotten users' messages from the service's own dead-letter subscriptions (those of the
 * catalog subscriptions it consumes), in the background: {@link #purge} returns at once. One thread
 * runs every pass, so two passes never hide messages from each other; a pass covers every user due,
 * acks only messages that name one of them, and releases the rest. Each user gets {@link
 * DeadLetterPurgeSettings#passes()} successful passes, {@code confirm-after} apart; a failed or
 * cut-short pass is retried with a growing backoff until it succeeds. What waits lives in memory: a
 * process that stops first leaves the rest to {@code setup-pubsub dead-letters purge-user}.
 * Thread-safe.
 */
public final class DeadLetterUserPurger implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterUserPurger.class);

  /** A user's passes still to run, the next not before {@code notBefore} (nano time). */
  private record Waiting(int passes, long notBefore) {}

  private final SubscriberFactory subscribers;
  private final List<String> subscriptions;
  private final DeadLetterPurgeSettings settings;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-purge");
            thread.setDaemon(true);
            return thread;
          });
  private @Nullable ScheduledFuture<?> next;
  private int failures;

  /**
   * @param subscriptions the dead-letter subscriptions to purge, with any prefix
   */
  public DeadLetterUserPurger(
      SubscriberFactory subscribers, List<String> subscriptions, DeadLetterPurgeSettings settings) {
    this.subscribers = subscribers;
    this.subscriptions = List.copyOf(subscriptions);
    this.settings = settings;
  }

  public List<String> subscriptions() {
    return subscriptions;
  }

  /** Starts removing {@code userId}'s dead letters: a pass now, and the rest later. */
  public void purge(String userId) {
    if (subscriptions.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    waiting.merge(
        userId,
        new Waiting(settings.passes(), now),
        (before, again) -> new Waiting(Math.max(before.passes(), again.passes()), now));
    schedule(0);
  }

  /** Users with passes still to run. */
  public Set<String> pending() {
    return Set.copyOf(waiting.keySet());
  }

  private void pass() {
    synchronized (this) {
      next = null;
    }
    long now = System.nanoTime();
    Set<String> users =
        waiting.entrySet().stream()
            .filter(e -> e.getValue().notBefore() - now <= 0)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    if (users.isEmpty()) {
      scheduleNext();
      return;
    }
    try {
      int removed = 0;
      for (String subscription : subscriptions) {
        removed += purge(subscription, users);
      }
      failures = 0;
      long confirm = System.nanoTime() + settings.confirmAfter().toNanos();
      users.forEach(
          user ->
              waiting.computeIfPresent(
                  user, (u, w) -> w.passes() > 1 ? new Waiting(w.passes() - 1, confirm) : null));
      log.info(
          "removed {} dead letters of {} forgotten users from {} subscriptions",
          removed,
          users.size(),
          subscriptions.size());
      scheduleNext();
    } catch (RuntimeException e) {
      failures++;
      long wait = settings.backoff(failures).toMillis();
      log.warn(
          "purging the dead letters of {} forgotten users failed ({} in a row), again in {} ms: {}",
          users.size(),
          failures,
          wait,
          e.toString());
      schedule(wait);
    }
  }

  private int purge(String subscription, Set<String> users) {
    try (SubscriberStubDeadLetters pubSub =
        SubscriberStubDeadLetters.open(subscribers, subscription)) {
      DeadLetterScan.Result result =
          new DeadLetterScan(
                  pubSub,
                  DeadLetterScan.Limits.DEFAULTS
                      .withBatchSize(settings.batchSize())
                      .withDeadline(settings.scanDeadline()))
              .scan(subscription, DeadLetterUsers.purging(users));
      if (!result.complete()) {
        throw new IllegalStateException(
            subscription + ": removed " + result.acked() + ", " + result.incomplete().get());
      }
      return result.acked();
    }
  }

  private void scheduleNext() {
    long now = System.nanoTime();
    waiting.values().stream()
        .mapToLong(w -> Math.max(0, TimeUnit.NANOSECONDS.toMillis(w.notBefore() - now)))
        .min()
        .ifPresent(this::schedule);
  }

  /** One pass is scheduled at a time: the earliest asked for. */
  private synchronized void schedule(long delayMillis) {
    ScheduledFuture<?> scheduled = next;
    if (scheduled != null && scheduled.getDelay(TimeUnit.MILLISECONDS) <= delayMillis) {
      return;
    }
    try {
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      next = executor.schedule(this::pass, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.warn("not purging the dead letters of {} users: shutting down", waiting.size());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    if (!waiting.isEmpty()) {
      log.warn(
          "stopped before purging the dead letters of {} users; run setup-pubsub dead-letters"
              + " purge-user for each",
          waiting.size());
    }
  }
}
