package dev.officeflow.contacts.outbox;

import dev.officeflow.contacts.outbox.store.OutboxStore;
import dev.officeflow.contacts.outbox.store.OutboxStore.StoredRow;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the contact outbox. A round claims up to {@code batch-size} rows in one transaction
 * ({@code FOR UPDATE SKIP LOCKED}, each contact's oldest row only, so several instances share the
 * work and one contact's events go out in order), publishes them, deletes those Pub/Sub
 * acknowledged and commits; a crash rolls the claim back and the rows go out later with the same
 * event ids. Rounds run when this instance committed rows, every {@code poll-interval}, and
 * back-to-back while full. A round with a failed publish pauses the relay ({@code initial-backoff},
 * doubling to {@code max-backoff}) so an unreachable Pub/Sub is not hammered. Metrics: {@code
 * officeflow.contacts.outbox.depth}, {@code .oldest.age} (seconds), {@code .published}, {@code
 * .failed} (publish attempts), {@code .unreadable} (rows that cannot become an event: logged and
 * dropped, they would block their contact for good).
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int PUBLISHING_AT_ONCE = 256;
  private static final Duration WAKE_CONTENTION = Duration.ofMillis(5);

  private final OutboxStore store;
  private final TransactionalOperator tx;
  private final EventPublisher publisher;
  private final ContactEvents events;
  private final OutboxSettings settings;
  private final LongSupplier nanoClock;
  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong oldestMillis = new AtomicLong();
  private final Counter published;
  private final Counter failed;
  private final Counter unreadable;
  private long pausedUntil;
  private Duration backoff;
  private volatile @Nullable Disposable running;

  OutboxRelay(
      OutboxStore store,
      TransactionalOperator tx,
      EventPublisher publisher,
      ContactEvents events,
      OutboxSettings settings,
      MeterRegistry meters,
      LongSupplier nanoClock) {
    this.store = store;
    this.tx = tx;
    this.publisher = publisher;
    this.events = events;
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.backoff = settings.initialBackoff();
    this.pausedUntil = nanoClock.getAsLong();
    Gauge.builder("officeflow.contacts.outbox.depth", depth, AtomicLong::get)
        .description("contact events written and not yet published")
        .register(meters);
    Gauge.builder("officeflow.contacts.outbox.oldest.age", oldestMillis, m -> m.get() / 1000.0)
        .baseUnit("seconds")
        .description("how long the oldest unpublished contact event has waited")
        .register(meters);
    this.published = meters.counter("officeflow.contacts.outbox.published");
    this.failed = meters.counter("officeflow.contacts.outbox.failed");
    this.unreadable = meters.counter("officeflow.contacts.outbox.unreadable");
  }

  /** Asks for a round soon; rounds that pile up while one runs become one. */
  void wake() {
    try {
      wakeups.emitNext(Boolean.FALSE, Sinks.EmitFailureHandler.busyLooping(WAKE_CONTENTION));
    } catch (Sinks.EmissionException e) {
      // Other writers kept waking it at this very moment: their round sees these rows too.
    }
  }

  @Override
  public void start() {
    Flux<Boolean> polls = Flux.interval(Duration.ZERO, settings.pollInterval()).map(t -> true);
    running =
        Flux.merge(polls, wakeups.asFlux())
            .onBackpressureDrop()
            .concatMap(poll -> round(poll), 1)
            .subscribe();
  }

  /** Not at all when {@code relay} is off: the rows stay for other instances (or a test). */
  @Override
  public boolean isAutoStartup() {
    return settings.relay();
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }

  /** Relays everything there is unless backing off; a poll also refreshes the depth metrics. */
  Mono<Void> round(boolean poll) {
    Mono<Void> metrics = poll ? refreshDepth() : Mono.empty();
    if (nanoClock.getAsLong() - pausedUntil < 0) {
      return metrics;
    }
    return drain().then(metrics).onErrorResume(this::failedRound);
  }

  /** Rounds back to back while they find a full batch and everything went out. */
  Mono<Void> drain() {
    return relayOnce()
        .expand(r -> r.full() && r.failures() == 0 ? relayOnce() : Mono.empty())
        .reduce(Round::plus)
        .doOnNext(this::settle)
        .then();
  }

  private Mono<Round> relayOnce() {
    Mono<Round> work =
        store
            .claim(settings.batchSize())
            .flatMap(this::publish, PUBLISHING_AT_ONCE)
            .collectList()
            .flatMap(attempts -> deleteDone(attempts));
    return tx.transactional(work).defaultIfEmpty(Round.NONE);
  }

  private Mono<Round> deleteDone(List<Attempt> attempts) {
    List<Long> done = attempts.stream().filter(a -> a.error() == null).map(Attempt::id).toList();
    Throwable error =
        attempts.stream().map(Attempt::error).filter(Objects::nonNull).findFirst().orElse(null);
    Round round =
        new Round(
            attempts.size() >= settings.batchSize(),
            (int) attempts.stream().filter(Attempt::published).count(),
            attempts.size() - done.size(),
            error);
    return store.delete(done).thenReturn(round);
  }

  /** Publishes one row; an unreadable row counts as done, so it is deleted. */
  private Mono<Attempt> publish(StoredRow row) {
    ContactEvent event;
    try {
      event = events.of(row);
    } catch (RuntimeException e) {
      log.error(
          "contact outbox row {} (event {}, user {}) cannot become an event and is dropped: {}",
          row.id(),
          row.eventId(),
          row.userId(),
          e.toString());
      unreadable.increment();
      return Mono.just(new Attempt(row.id(), false, null));
    }
    return Mono.fromFuture(() -> publisher.publish(event))
        .timeout(settings.publishTimeout())
        .map(messageId -> new Attempt(row.id(), true, null))
        .onErrorResume(e -> Mono.just(new Attempt(row.id(), false, e)));
  }

  private void settle(Round round) {
    published.increment(round.published());
    if (round.failures() == 0) {
      backoff = settings.initialBackoff();
      return;
    }
    failed.increment(round.failures());
    pause(round.error());
  }

  private Mono<Void> failedRound(Throwable error) {
    pause(error);
    return Mono.empty();
  }

  private void pause(@Nullable Throwable error) {
    log.warn(
        "contact outbox: publishing failed, next attempt in {}: {}",
        backoff,
        error == null ? "unknown" : error.toString());
    pausedUntil = nanoClock.getAsLong() + backoff.toNanos();
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
  }

  private Mono<Void> refreshDepth() {
    return store
        .depth()
        .doOnNext(
            d -> {
              depth.set(d.rows());
              oldestMillis.set(Math.round(d.oldestSeconds() * 1000));
            })
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  /** One row's publish: {@code error} null when it went out or was dropped as unreadable. */
  private record Attempt(long id, boolean published, @Nullable Throwable error) {}

  /** What rounds did. */
  private record Round(boolean full, int published, int failures, @Nullable Throwable error) {

    static final Round NONE = new Round(false, 0, 0, null);

    Round plus(Round next) {
      return new Round(
          next.full,
          published + next.published,
          failures + next.failures,
          error != null ? error : next.error);
    }
  }
}
