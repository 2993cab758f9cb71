package dev.officeflow.contacts.purge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes purges that began and did not end ({@code pending_purges}): their {@code UserEvent} was
 * dead-lettered, or settled as {@code forgotten} when redelivered (the user is in {@code
 * forgotten_users} from the purge's first step), or the instance died. Every {@code
 * sweep-interval}, oldest first; several instances may sweep at once, and the purge is idempotent.
 * Gauge {@code officeflow.contacts.purges.pending}.
 */
final class PurgeSweeper implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PurgeSweeper.class);
  private static final int PER_SWEEP = 100;

  private static final String DUE =
      """
      SELECT user_id FROM pending_purges
      WHERE requested_at < now() - make_interval(secs => :age)
      ORDER BY requested_at LIMIT :limit
      """;

  private final DatabaseClient db;
  private final UserDataPurge purge;
  private final PurgeSettings settings;
  private final AtomicLong pending = new AtomicLong();
  private volatile @Nullable Disposable running;

  PurgeSweeper(
      DatabaseClient db, UserDataPurge purge, PurgeSettings settings, MeterRegistry meters) {
    this.db = db;
    this.purge = purge;
    this.settings = settings;
    Gauge.builder("officeflow.contacts.purges.pending", pending, AtomicLong::get)
        .description("user purges begun and not finished")
        .register(meters);
  }

  /** One sweep: finishes the due purges; the result is how many finished. */
  Mono<Long> sweep() {
    return db.sql(DUE)
        .bind("age", settings.sweepMinAge().toMillis() / 1000.0)
        .bind("limit", PER_SWEEP)
        .map((row, meta) -> row.get(0, String.class))
        .all()
        .concatMap(
            user ->
                purge
                    .finish(user)
                    .doOnNext(
                        rows -> log.info("finished the purge of user {}: {} rows", user, rows))
                    .onErrorResume(e -> skip(user, e)))
        .count()
        .flatMap(
            finished ->
                db.sql("SELECT count(*)::int8 FROM pending_purges")
                    .map((row, meta) -> row.get(0, Long.class))
                    .one()
                    .doOnNext(pending::set)
                    .thenReturn(finished));
  }

  private Mono<Long> skip(String user, Throwable e) {
    log.warn(
        "purge of user {} still failing, next sweep in {}: {}",
        user,
        settings.sweepInterval(),
        e.toString());
    return Mono.empty();
  }

  @Override
  public void start() {
    running =
        Flux.interval(settings.sweepInterval())
            .onBackpressureDrop()
            .concatMap(tick -> sweep().onErrorResume(e -> Mono.just(0L)), 1)
            .subscribe();
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
}
