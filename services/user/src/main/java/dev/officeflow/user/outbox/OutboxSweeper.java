package dev.officeflow.user.outbox;

import dev.officeflow.user.outbox.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-publishes outbox events whose request could not publish them (Pub/Sub down, instance stopped).
 * Ages are measured with the database's clock, the one that stamped the rows, so instances with
 * skewed clocks agree on what is old. Several instances may sweep; a duplicate is harmless.
 */
class OutboxSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

  private final OutboxStore store;
  private final Outbox outbox;
  private final OutboxSettings settings;
  private volatile Disposable running = Mono.never().subscribe();
  private volatile boolean started;

  OutboxSweeper(OutboxStore store, Outbox outbox, OutboxSettings settings) {
    this.store = store;
    this.outbox = outbox;
    this.settings = settings;
  }

  /** One sweep: publishes old enough entries, oldest first; the result is how many it tried. */
  Mono<Long> sweep() {
    return store
        .olderThan(settings.minAge(), settings.batchSize())
        .concatMap(id -> outbox.publishOne(id).thenReturn(id))
        .count();
  }

  @Override
  public void start() {
    running =
        Flux.interval(settings.sweepInterval())
            .onBackpressureDrop()
            .concatMap(tick -> sweep().onErrorResume(this::skip), 1)
            .subscribe();
    started = true;
  }

  private Mono<Long> skip(Throwable e) {
    log.warn("outbox sweep failed, next one in {}: {}", settings.sweepInterval(), e.toString());
    return Mono.just(0L);
  }

  @Override
  public void stop() {
    running.dispose();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
