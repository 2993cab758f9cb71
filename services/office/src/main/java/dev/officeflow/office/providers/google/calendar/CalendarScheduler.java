package dev.officeflow.office.providers.google.calendar;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The periodic work, by the injected clock: replaced channels stopped after the overlap, and the
 * safety-net listing of every calendar that is due. (Channels are opened, reopened and replaced
 * before they expire by the streaming reconciler.) {@link #tick()} runs it once; tests call it
 * after moving their clock.
 */
public final class CalendarScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarScheduler.class);
  private static final int PARALLEL_LISTINGS = 4;

  private final SyncStore store;
  private final ChannelKeeper keeper;
  private final CalendarSyncer syncer;
  private final CalendarStreamingSettings settings;
  private final Clock clock;
  private @Nullable Disposable ticking;

  CalendarScheduler(
      SyncStore store,
      ChannelKeeper keeper,
      CalendarSyncer syncer,
      CalendarStreamingSettings settings,
      Clock clock) {
    this.store = store;
    this.keeper = keeper;
    this.syncer = syncer;
    this.settings = settings;
    this.clock = clock;
  }

  /** One round: stops, then due listings. */
  public Mono<Void> tick() {
    Instant now = clock.instant();
    return keeper
        .stopRetired()
        .then(store.markDue(now).flatMap(syncer::drain, PARALLEL_LISTINGS).then());
  }

  @Override
  public synchronized void start() {
    ticking =
        Flux.interval(settings.tickInterval())
            .onBackpressureDrop()
            .concatMap(
                n ->
                    tick()
                        .onErrorResume(
                            e -> {
                              LOG.warn("calendar streaming tick failed: {}", e.toString());
                              return Mono.empty();
                            }),
                1)
            .subscribe();
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
