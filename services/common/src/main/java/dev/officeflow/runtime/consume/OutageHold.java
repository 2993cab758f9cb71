package dev.officeflow.runtime.consume;

import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One subscription's pause while a dependency is down. The first {@link Outcome.Action#UNAVAILABLE}
 * pauses it: that message becomes the probe, tried again in place with a doubling backoff; every
 * other message, received or coming back unavailable meanwhile, is held without being handled. Held
 * messages are neither acked nor nacked (a nack would count a delivery attempt towards the
 * dead-letter topic); the Pub/Sub client extends their ack deadlines, and once they fill the
 * subscription's flow control it pulls nothing more. The probe's first other outcome resumes the
 * subscription and hands every held message back, in arrival order.
 *
 * <p>The probe retries the very call that failed, which is the most precise health check there is:
 * a service's health components may be down for a dependency this subscription does not use.
 * Thread-safe.
 */
final class OutageHold {

  private static final Logger log = LoggerFactory.getLogger(OutageHold.class);

  /**
   * A message the worker received. Settled exactly once: a probe still running when the subscriber
   * stops is nacked by the stop, and its late outcome must not answer again.
   */
  record Received(
      PubsubMessage message, AckReplyConsumer reply, int deliveryAttempt, AtomicBoolean answered) {

    Received(PubsubMessage message, AckReplyConsumer reply, int deliveryAttempt) {
      this(message, reply, deliveryAttempt, new AtomicBoolean());
    }

    /** True for the one caller that may ack or nack it. */
    boolean claim() {
      return answered.compareAndSet(false, true);
    }
  }

  private final String subscription;
  private final ConsumerSettings settings;
  private final Consumer<Received> dispatch;
  private final Deque<Received> held = new ArrayDeque<>();
  private @Nullable Received probe;
  private @Nullable String reason;
  private long pausedAtNanos;
  private int failures;
  private boolean stopping;
  private @Nullable Disposable timer;

  OutageHold(String subscription, ConsumerSettings settings, Consumer<Received> dispatch) {
    this.subscription = subscription;
    this.settings = settings;
    this.dispatch = dispatch;
  }

  /** Holds {@code received} when the subscription is paused; false when it may be handled. */
  synchronized boolean hold(Received received) {
    if (reason == null) {
      return false;
    }
    held.addLast(received);
    return true;
  }

  /**
   * {@code received} met an outage. Pauses the subscription if it runs, else holds the message or,
   * when it was the probe, schedules the next try. False when stopping: the caller nacks it.
   */
  synchronized boolean unavailable(Received received, String why) {
    if (stopping) {
      return false;
    }
    if (reason == null) {
      reason = why;
      pausedAtNanos = System.nanoTime();
      failures = 0;
      probe = received;
      log.warn("pausing {}: {}", subscription, why);
      schedule();
    } else if (received == probe) {
      failures++;
      schedule();
    } else {
      held.addLast(received);
    }
    return true;
  }

  /** {@code received} was settled otherwise; when it was the probe, the outage is over. */
  void settled(Received received) {
    List<Received> release;
    synchronized (this) {
      if (received != probe || reason == null) {
        return;
      }
      Duration paused = Duration.ofNanos(System.nanoTime() - pausedAtNanos);
      log.info(
          "resuming {} after {} ms ({} tries, {} messages held): {}",
          subscription,
          paused.toMillis(),
          failures + 1,
          held.size(),
          reason);
      release = new ArrayList<>(held);
      held.clear();
      probe = null;
      reason = null;
    }
    release.forEach(dispatch);
  }

  synchronized boolean paused() {
    return reason != null;
  }

  /** Starts taking messages again after a stop (a fresh subscriber). */
  synchronized void open() {
    stopping = false;
  }

  /**
   * The subscriber stops: returns every held message, probe included, for the caller to nack
   * (Pub/Sub redelivers them, to this instance once it resumes or to another), and ends the pause.
   */
  synchronized List<Received> stop() {
    stopping = true;
    if (timer != null) {
      timer.dispose();
    }
    List<Received> released = new ArrayList<>(held);
    if (probe != null) {
      released.add(probe);
    }
    held.clear();
    probe = null;
    reason = null;
    return released;
  }

  private void schedule() {
    Received next = probe;
    timer = Mono.delay(backoff()).subscribe(tick -> retry(next));
  }

  private void retry(@Nullable Received next) {
    synchronized (this) {
      if (next == null || next != probe) {
        return; // stopped, or resumed by then
      }
    }
    dispatch.accept(next);
  }

  private Duration backoff() {
    Duration wait = settings.outageBackoff().multipliedBy(1L << Math.min(failures, 20));
    return wait.compareTo(settings.outageMaxBackoff()) > 0 ? settings.outageMaxBackoff() : wait;
  }
}
