package dev.officeflow.office.streaming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Makes sure every user whose backfill completed streams live (ARCHITECTURE §12, "Reconciler").
 * Each round, on every instance: completed backfills become targets ({@link TargetStore#adopt}),
 * targets never started from their backfill or whose stream is missing or due for renewal are
 * claimed under a lease and (re)started, a failure backs the user off exponentially (persisted, so
 * a restart does not turn it into a storm), and the gauge {@value #GAUGE}{@code {source}} is
 * measured. Rounds run every {@code interval} and at once after a local backfill completed; {@link
 * #tick()} runs one, for tests that move the clock. Rounds on one instance never overlap: a tick
 * waits for the round in flight, so a test that moves the clock and ticks sees its own round's
 * effects, not a background round's half-done ones. Thread-safe.
 */
public final class StreamingReconciler implements SmartLifecycle {

  /** Users (per source) with a completed backfill and no live stream. */
  public static final String GAUGE = "officeflow.streaming.users.without.live";

  private static final Logger LOG = LoggerFactory.getLogger(StreamingReconciler.class);

  private final TargetStore store;
  private final List<StreamSource> sources;
  private final ReconcilerSettings settings;
  private final Clock clock;
  private final String owner;
  private final Map<String, AtomicLong> withoutLive = new LinkedHashMap<>();
  private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
  private final Sinks.Many<Sinks.Empty<Void>> rounds =
      Sinks.many().unicast().onBackpressureBuffer();
  private @Nullable Disposable ticking;

  StreamingReconciler(
      TargetStore store,
      List<StreamSource> sources,
      ReconcilerSettings settings,
      MeterRegistry registry,
      Clock clock,
      String owner) {
    this.store = store;
    this.sources = List.copyOf(sources);
    this.settings = settings;
    this.clock = clock;
    this.owner = owner;
    for (StreamSource source : this.sources) {
      AtomicLong count = new AtomicLong();
      withoutLive.put(source.name(), count);
      Gauge.builder(GAUGE, count, AtomicLong::get)
          .description("Users whose backfill completed but who have no live stream")
          .tag("source", source.name())
          .register(registry);
    }
    rounds
        .asFlux()
        .concatMap(
            done ->
                round()
                    .doOnSuccess(v -> done.tryEmitEmpty())
                    .onErrorResume(
                        e -> {
                          done.tryEmitError(e);
                          return Mono.empty();
                        }))
        .subscribe();
  }

  /**
   * One round for every source (adopt, (re)start what is due, measure), run after the round in
   * flight, if any.
   */
  public Mono<Void> tick() {
    return Mono.defer(
        () -> {
          Sinks.Empty<Void> done = Sinks.empty();
          queue(done);
          return done.asMono();
        });
  }

  private synchronized void queue(Sinks.Empty<Void> done) {
    rounds.emitNext(done, Sinks.EmitFailureHandler.FAIL_FAST);
  }

  private Mono<Void> round() {
    return Flux.fromIterable(sources).concatMap(this::reconcile).then();
  }

  /** Runs a round soon rather than at the next interval (a backfill completed here). */
  public void wakeUp() {
    wakeUps.tryEmitNext(true);
  }

  /** The gauge's last value for {@code source}, -1 for an unknown source. */
  public long withoutLive(String source) {
    AtomicLong count = withoutLive.get(source);
    return count == null ? -1 : count.get();
  }

  private Mono<Void> reconcile(StreamSource source) {
    Instant now = clock.instant();
    return store
        .adopt(source.provider(), source.name(), now)
        .thenMany(
            store.claim(
                source.name(),
                source.needsWork(now),
                now,
                owner,
                settings.lease(),
                settings.batch()))
        .flatMap(target -> work(source, target), settings.concurrency())
        .then(Mono.defer(() -> measure(source)));
  }

  private Mono<Void> measure(StreamSource source) {
    return store
        .countNotLive(source.name(), source.live(clock.instant()))
        .doOnNext(n -> withoutLive.get(source.name()).set(n))
        .then();
  }

  private Mono<Void> work(StreamSource source, StreamTarget target) {
    return source
        .ensure(target)
        .then(Mono.defer(() -> succeeded(source, target)))
        .onErrorResume(e -> failed(target, e));
  }

  /** Stored as started; when it closed or was forgotten meanwhile, stopped again. */
  private Mono<Void> succeeded(StreamSource source, StreamTarget target) {
    return store
        .succeeded(target, owner)
        .filter(stored -> !stored)
        .flatMap(lost -> store.wanted(target))
        .filter(wanted -> !wanted)
        .flatMap(gone -> source.stop(target.userId(), target.provider()))
        .then();
  }

  private Mono<Void> failed(StreamTarget target, Throwable e) {
    int attempts = target.attempts() + 1;
    Duration delay =
        settings.backoff(attempts, 0.75 + 0.5 * ThreadLocalRandom.current().nextDouble());
    String reason = String.valueOf(e.getMessage());
    LOG.atWarn()
        .setMessage("streaming could not be started; retried with backoff")
        .addKeyValue("userId", target.userId())
        .addKeyValue("source", target.source())
        .addKeyValue("attempts", attempts)
        .addKeyValue("retryInMs", delay.toMillis())
        .addKeyValue("reason", reason)
        .log();
    return store
        .failed(target, owner, reason, clock.instant().plus(delay))
        .onErrorResume(
            err -> {
              // The lease then expires and the target is claimed again: no backoff lost for good.
              LOG.warn("streaming target {} not updated: {}", target.userId(), err.toString());
              return Mono.empty();
            })
        .then();
  }

  @Override
  public synchronized void start() {
    ticking =
        Flux.merge(Flux.interval(settings.interval()), wakeUps.asFlux())
            .onBackpressureDrop()
            .concatMap(n -> tick().onErrorResume(this::roundFailed), 1)
            .subscribe();
  }

  private Mono<Void> roundFailed(Throwable e) {
    LOG.warn("streaming reconciliation failed; tried again next round: {}", e.toString());
    return Mono.empty();
  }

  @Override
  public synchronized void stop() {
    if (ticking != null) {
      ticking.dispose();
      ticking = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return ticking != null;
  }
}
