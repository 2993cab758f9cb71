package dev.officeflow.office.providers.google.calendar;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code calendar_sync} table: which calendars stream, their sync tokens, and the sync and
 * channel leases (owner and expiry by the database clock) that let several instances share them.
 */
final class SyncStore {

  private static final String KEY =
      "user_id = :user AND provider = :provider AND calendar_id = :cal";
  private static final String LEASE = " * interval '1 millisecond'";

  /** Where a listing starts: the stored token, else the first listing's lower bound. */
  record SyncState(@Nullable String syncToken, @Nullable Instant syncFrom) {}

  private static final SyncState NONE = new SyncState(null, null);

  private final DatabaseClient db;

  SyncStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Starts streaming {@code key} (nothing changes when it already streams); true when new. The
   * first listing reads what changed since {@code syncFrom}; null: the whole calendar.
   */
  Mono<Boolean> register(CalendarKey key, @Nullable Instant syncFrom, Instant nextPoll) {
    GenericExecuteSpec spec =
        bind(
            db.sql(
                "INSERT INTO calendar_sync (user_id, provider, calendar_id, sync_from,"
                    + " next_poll_at) VALUES (:user, :provider, :cal, :from, :poll)"
                    + " ON CONFLICT DO NOTHING"),
            key);
    spec =
        syncFrom == null
            ? spec.bindNull("from", OffsetDateTime.class)
            : spec.bind("from", time(syncFrom));
    return spec.bind("poll", time(nextPoll)).fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /** The calendars of {@code userId}'s integration {@code provider} that stream. */
  Flux<CalendarKey> calendars(String userId, String provider) {
    return db.sql(
            "SELECT user_id, provider, calendar_id FROM calendar_sync WHERE user_id = :user"
                + " AND provider = :provider")
        .bind("user", userId)
        .bind("provider", provider)
        .map(SyncStore::key)
        .all();
  }

  /**
   * Marks {@code key} as one whose channel Google refuses for good (it is then listed by the safety
   * net alone), or clears the mark.
   */
  Mono<Boolean> pushRefused(CalendarKey key, boolean refused) {
    return updated(
        "UPDATE calendar_sync SET push_refused_at = "
            + (refused ? "now()" : "NULL")
            + " WHERE "
            + KEY
            + (refused ? "" : " AND push_refused_at IS NOT NULL"),
        key,
        s -> s);
  }

  /** Stops streaming one calendar (its channel rows go with it: stop them first). */
  Mono<Long> forget(CalendarKey key) {
    return bind(db.sql("DELETE FROM calendar_sync WHERE " + KEY), key).fetch().rowsUpdated();
  }

  /** Asks for a listing of {@code key}; false when it does not stream (any more). */
  Mono<Boolean> markPending(CalendarKey key) {
    return updated("UPDATE calendar_sync SET pending = true WHERE " + KEY, key, s -> s);
  }

  /**
   * Takes the sync lease when a listing is pending and nobody holds it (or the holder's expired),
   * clearing {@code pending}: notifications arriving from now on ask for another listing.
   */
  Mono<SyncState> claimSync(CalendarKey key, String run, Duration lease) {
    return bind(
            db.sql(
                "UPDATE calendar_sync SET pending = false, sync_owner = :run,"
                    + " sync_expires_at = now() + :lease"
                    + LEASE
                    + " WHERE "
                    + KEY
                    + " AND pending AND (sync_owner IS NULL OR sync_expires_at < now())"
                    + " RETURNING sync_token, sync_from"),
            key)
        .bind("run", run)
        .bind("lease", lease.toMillis())
        .map(SyncStore::state)
        .one();
  }

  /**
   * Ends a listing in one statement: when another was asked for meanwhile, keeps the lease and
   * answers where the next listing starts; otherwise hands the lease back and answers empty (as it
   * does when the lease was lost). {@code pending} in SET and CASE is the value before the update.
   */
  Mono<SyncState> finish(CalendarKey key, String run, Duration lease) {
    return bind(
            db.sql(
                "UPDATE calendar_sync SET pending = false,"
                    + " sync_owner = CASE WHEN pending THEN sync_owner END,"
                    + " sync_expires_at = CASE WHEN pending THEN now() + :lease"
                    + LEASE
                    + " END WHERE "
                    + KEY
                    + " AND sync_owner = :run"
                    + " RETURNING sync_owner IS NOT NULL AS again, sync_token, sync_from"),
            key)
        .bind("run", run)
        .bind("lease", lease.toMillis())
        .map(row -> Boolean.TRUE.equals(row.get("again", Boolean.class)) ? state(row) : NONE)
        .one()
        .filter(state -> state != NONE);
  }

  /** After a failed listing: the lease back, the listing still pending. */
  Mono<Boolean> releaseFailed(CalendarKey key, String run) {
    return updated(
        "UPDATE calendar_sync SET sync_owner = NULL, sync_expires_at = NULL, pending = true"
            + " WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> s.bind("run", run));
  }

  /** Stores the token of a listing whose events are published; false without the lease. */
  Mono<Boolean> saveToken(CalendarKey key, String run, String token, Instant nextPoll) {
    return updated(
        "UPDATE calendar_sync SET sync_token = :token, last_synced_at = now(),"
            + " next_poll_at = :poll WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> s.bind("run", run).bind("token", token).bind("poll", time(nextPoll)));
  }

  /**
   * Marks the calendars whose safety-net listing is due as pending, and answers them with those
   * left pending by a failed or crashed listing.
   */
  Flux<CalendarKey> markDue(Instant now) {
    return db.sql(
            "UPDATE calendar_sync SET pending = true WHERE next_poll_at <= :now"
                + " OR (pending AND (sync_owner IS NULL OR sync_expires_at < now()))"
                + " RETURNING user_id, provider, calendar_id")
        .bind("now", time(now))
        .map(SyncStore::key)
        .all();
  }

  /** Takes the channel lease of {@code key}: only its holder opens a channel for it. */
  Mono<Boolean> claimChannel(CalendarKey key, String owner, Duration lease) {
    return updated(
        "UPDATE calendar_sync SET channel_owner = :owner, channel_expires_at = now() + :lease"
            + LEASE
            + " WHERE "
            + KEY
            + " AND (channel_owner IS NULL OR channel_expires_at < now())",
        key,
        s -> s.bind("owner", owner).bind("lease", lease.toMillis()));
  }

  Mono<Boolean> releaseChannel(CalendarKey key, String owner) {
    return updated(
        "UPDATE calendar_sync SET channel_owner = NULL, channel_expires_at = NULL WHERE "
            + KEY
            + " AND channel_owner = :owner",
        key,
        s -> s.bind("owner", owner));
  }

  /** Stops streaming the calendars of {@code userId} (of {@code provider} when given). */
  Mono<Long> forget(String userId, Optional<String> provider) {
    GenericExecuteSpec spec =
        provider.isPresent()
            ? db.sql("DELETE FROM calendar_sync WHERE user_id = :user AND provider = :provider")
                .bind("provider", provider.get())
            : db.sql("DELETE FROM calendar_sync WHERE user_id = :user");
    return spec.bind("user", userId).fetch().rowsUpdated();
  }

  private Mono<Boolean> updated(
      String sql, CalendarKey key, UnaryOperator<GenericExecuteSpec> binds) {
    return binds.apply(bind(db.sql(sql), key)).fetch().rowsUpdated().map(rows -> rows > 0);
  }

  static GenericExecuteSpec bind(GenericExecuteSpec spec, CalendarKey key) {
    return spec.bind("user", key.userId())
        .bind("provider", key.provider())
        .bind("cal", key.calendarId());
  }

  static CalendarKey key(Readable row) {
    return new CalendarKey(
        Objects.requireNonNull(row.get("user_id", String.class)),
        Objects.requireNonNull(row.get("provider", String.class)),
        Objects.requireNonNull(row.get("calendar_id", String.class)));
  }

  private static SyncState state(Readable row) {
    OffsetDateTime from = row.get("sync_from", OffsetDateTime.class);
    return new SyncState(
        row.get("sync_token", String.class), from == null ? null : from.toInstant());
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
