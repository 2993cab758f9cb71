package dev.officeflow.office.providers.google.gmail;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The periodic reads, decided by the injected clock: every mailbox read at least once per poll
 * interval (10 min) so a dropped notification is caught. (Watches are started, repaired and renewed
 * by the streaming reconciler.) A background tick runs {@link #tick()}; tests call it themselves
 * after moving the clock.
 */
final class StreamingScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StreamingScheduler.class);

  private final WatchStore store;
  private final UserSyncs syncs;
  private final GmailStreamingSettings settings;
  private final Clock clock;
  private volatile Disposable ticking;

  StreamingScheduler(
      WatchStore store, UserSyncs syncs, GmailStreamingSettings settings, Clock clock) {
    this.store = store;
    this.syncs = syncs;
    this.settings = settings;
    this.clock = clock;
  }

  /** Reads the due mailboxes, as of the clock's now. */
  Mono<Void> tick() {
    Instant now = clock.instant();
    return store
        .claimPolls(now.minus(settings.pollInterval()), now, settings.tickBatch())
        .flatMap(row -> syncs.request(row.userId()).then().onErrorResume(e -> failed(row, e)), 8)
        .then();
  }

  private static Mono<Void> failed(WatchRow row, Throwable e) {
    LOG.atWarn()
        .setMessage("gmail poll failed; tried again at the next one")
        .addKeyValue("userId", row.userId())
        .addKeyValue("reason", String.valueOf(e.getMessage()))
        .log();
    return Mono.empty();
  }

  @Override
  public void start() {
    ticking =
        Flux.interval(settings.tickInterval(), settings.tickInterval())
            .onBackpressureDrop()
            .concatMap(n -> tick().onErrorResume(e -> Mono.empty()), 1)
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable d = ticking;
    if (d != null) {
      d.dispose();
    }
    ticking = null;
  }

  @Override
  public boolean isRunning() {
    return ticking != null;
  }
}
