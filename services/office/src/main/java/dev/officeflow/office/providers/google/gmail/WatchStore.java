package dev.officeflow.office.providers.google.gmail;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code gmail_watches} table. The history id only moves forward ({@link #advance}); polls are
 * claimed with conditional updates, so with several instances one of them does each (renewals are
 * the streaming reconciler's, under its target leases). Times are the instances' injected clock:
 * the schedule is decided by it, and a skew between instances only shifts a renewal or a poll by
 * that skew.
 */
final class WatchStore {

  private final DatabaseClient db;

  WatchStore(DatabaseClient db) {
    this.db = db;
  }

  /** Streaming starts (or resumes after a resync) at {@code historyId}. */
  Mono<Void> start(String userId, String address, long historyId, Instant expires, Instant now) {
    return db.sql(
            "INSERT INTO gmail_watches (user_id, email_address, history_id, status,"
                + " watch_expires_at, renewed_at, synced_at) VALUES (:user, :address, :history,"
                + " 'active', :expires, :now, :now) ON CONFLICT (user_id) DO UPDATE SET"
                + " email_address = :address, history_id = :history, status = 'active',"
                + " resync_job_id = NULL, watch_expires_at = :expires, renewed_at = :now,"
                + " synced_at = :now, updated_at = now()")
        .bind("user", userId)
        .bind("address", address)
        .bind("history", historyId)
        .bind("expires", time(expires))
        .bind("now", time(now))
        .then();
  }

  Mono<WatchRow> find(String userId) {
    return db.sql("SELECT * FROM gmail_watches WHERE user_id = :user")
        .bind("user", userId)
        .map(WatchStore::row)
        .one();
  }

  /** The users watching mailbox {@code address} (normally one). */
  Flux<WatchRow> findByAddress(String address) {
    return db.sql("SELECT * FROM gmail_watches WHERE lower(email_address) = lower(:address)")
        .bind("address", address)
        .map(WatchStore::row)
        .all();
  }

  /**
   * Moves the history id forward to {@code historyId}; never back, so a slower instance that read
   * the same history cannot undo a faster one. True when it moved.
   */
  Mono<Boolean> advance(String userId, long historyId, Instant now) {
    return db.sql(
            "UPDATE gmail_watches SET history_id = :history, synced_at = :now, updated_at = now()"
                + " WHERE user_id = :user AND status = 'active' AND history_id < :history")
        .bind("user", userId)
        .bind("history", historyId)
        .bind("now", time(now))
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  /** A read found nothing new: only the time of the last sync moves. */
  Mono<Void> synced(String userId, Instant now) {
    return db.sql("UPDATE gmail_watches SET synced_at = :now WHERE user_id = :user")
        .bind("user", userId)
        .bind("now", time(now))
        .then();
  }

  Mono<Void> resyncing(String userId, UUID jobId) {
    return db.sql(
            "UPDATE gmail_watches SET status = 'resyncing', resync_job_id = :job,"
                + " updated_at = now() WHERE user_id = :user")
        .bind("user", userId)
        .bind("job", jobId)
        .then();
  }

  /** The resync job finished: streaming continues from the history id it captured. */
  Mono<Void> resume(String userId, UUID jobId, long historyId) {
    return db.sql(
            "UPDATE gmail_watches SET status = 'active', history_id = :history,"
                + " resync_job_id = NULL, updated_at = now()"
                + " WHERE user_id = :user AND resync_job_id = :job")
        .bind("user", userId)
        .bind("job", jobId)
        .bind("history", historyId)
        .then();
  }

  /** The watch was renewed at {@code now} and lasts until {@code expires}. */
  Mono<Void> renewed(String userId, Instant expires, Instant now) {
    return db.sql(
            "UPDATE gmail_watches SET watch_expires_at = :expires, renewed_at = :now,"
                + " updated_at = now() WHERE user_id = :user")
        .bind("user", userId)
        .bind("expires", time(expires))
        .bind("now", time(now))
        .then();
  }

  /** Claims up to {@code limit} mailboxes last read at or before {@code due}. */
  Flux<WatchRow> claimPolls(Instant due, Instant now, int limit) {
    return claim("synced_at", due, now, limit);
  }

  private Flux<WatchRow> claim(String column, Instant due, Instant now, int limit) {
    return db.sql(
            "UPDATE gmail_watches w SET "
                + column
                + " = :now WHERE w.user_id IN (SELECT user_id FROM gmail_watches WHERE "
                + column
                + " <= :due ORDER BY "
                + column
                + " LIMIT :limit FOR UPDATE SKIP LOCKED) AND w."
                + column
                + " <= :due RETURNING w.*")
        .bind("due", time(due))
        .bind("now", time(now))
        .bind("limit", limit)
        .map(WatchStore::row)
        .all();
  }

  /** Forgets the user's streaming state; true when there was any. */
  Mono<Boolean> delete(String userId) {
    return db.sql("DELETE FROM gmail_watches WHERE user_id = :user")
        .bind("user", userId)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private static WatchRow row(Readable r) {
    return new WatchRow(
        Objects.requireNonNull(r.get("user_id", String.class)),
        Objects.requireNonNull(r.get("email_address", String.class)),
        Objects.requireNonNull(r.get("history_id", Long.class)),
        "resyncing".equals(r.get("status", String.class)),
        r.get("resync_job_id", UUID.class),
        instant(r.get("watch_expires_at", OffsetDateTime.class)),
        Objects.requireNonNull(instant(r.get("renewed_at", OffsetDateTime.class))),
        Objects.requireNonNull(instant(r.get("synced_at", OffsetDateTime.class))));
  }

  private static @org.jspecify.annotations.Nullable Instant instant(
      @org.jspecify.annotations.Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
