package dev.officeflow.user.purge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code sweep-interval}, revokes the held grants that are due: past the release deadline
 * because the office never confirmed its purge, or confirmed but not yet revoked because Google
 * failed. Several instances may sweep; each grant is claimed by one.
 */
final class ReleaseSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReleaseSweeper.class);

  private final GrantReleaser releaser;
  private final PurgeSettings settings;
  private volatile Disposable running = Mono.never().subscribe();
  private volatile boolean started;

  ReleaseSweeper(GrantReleaser releaser, PurgeSettings settings) {
    this.releaser = releaser;
    this.settings = settings;
  }

  @Override
  public void start() {
    running =
        Flux.interval(settings.sweepInterval())
            .onBackpressureDrop()
            .concatMap(tick -> releaser.sweep().onErrorResume(this::skip), 1)
            .subscribe();
    started = true;
  }

  private Mono<Long> skip(Throwable e) {
    log.warn("held-grant sweep failed, next one in {}: {}", settings.sweepInterval(), e.toString());
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
