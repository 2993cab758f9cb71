package dev.officeflow.office.providers.microsoft.streaming;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code microsoft_delta} table: which resources of a user stream, their delta links, and the
 * delta and subscription leases (owner and expiry by the database clock) that let several instances
 * share them, as {@code calendar_sync} does for Google calendars.
 */
final class DeltaStore {

  private static final String KEY =
      "user_id = :user AND provider = :provider AND resource = :resource";
  private static final String LEASE = " * interval '1 millisecond'";

  /**
   * Where a round starts: the stored delta link, else the first round's lower bound; for the
   * calendar view, the end of the window its link is bound to.
   */
  record DeltaState(
      @Nullable String deltaLink,
      @Nullable Instant syncFrom,
      @Nullable Instant windowEnd,
      int failures) {}

  private static final DeltaState NONE = new DeltaState(null, null, null, 0);

  private final DatabaseClient db;

  DeltaStore(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Starts streaming {@code key} (nothing changes when it already streams); true when new. The
   * first round publishes what changed since {@code syncFrom}; null: everything.
   */
  Mono<Boolean> register(ResourceKey key, @Nullable Instant syncFrom) {
    GenericExecuteSpec spec =
        bind(
            db.sql(
                "INSERT INTO microsoft_delta (user_id, provider, resource, sync_from)"
                    + " VALUES (:user, :provider, :resource, :from) ON CONFLICT DO NOTHING"),
            key);
    spec =
        syncFrom == null
            ? spec.bindNull("from", OffsetDateTime.class)
            : spec.bind("from", time(syncFrom));
    return spec.fetch().rowsUpdated().map(rows -> rows == 1);
  }

  /**
   * Whether job {@code jobId} still has to take the position of {@code key}: not when it took it
   * already, nor when the resource has a delta link (streaming's own, or another job's: an older
   * position re-reads more, never less).
   */
  Mono<Boolean> positionNeeded(ResourceKey key, UUID jobId) {
    return bind(
            db.sql(
                "SELECT count(*) AS n FROM microsoft_delta WHERE "
                    + KEY
                    + " AND (delta_link IS NOT NULL OR position_job = :job)"),
            key)
        .bind("job", jobId)
        .map(row -> row.get("n", Long.class))
        .one()
        .map(n -> n == 0);
  }

  /**
   * Stores the delta link a backfill took before it read {@code key}; a link stored meanwhile (a
   * round of streaming) is kept.
   */
  Mono<Boolean> position(
      ResourceKey key, UUID jobId, String deltaLink, @Nullable Instant windowEnd) {
    GenericExecuteSpec spec =
        bind(
                db.sql(
                    "INSERT INTO microsoft_delta (user_id, provider, resource, delta_link,"
                        + " position_job, window_end, pending) VALUES (:user, :provider,"
                        + " :resource, :link, :job, :end, false)"
                        + " ON CONFLICT (user_id, provider, resource) DO UPDATE SET"
                        + " delta_link = EXCLUDED.delta_link, sync_from = NULL,"
                        + " position_job = EXCLUDED.position_job, window_end = EXCLUDED.window_end"
                        + " WHERE microsoft_delta.delta_link IS NULL"),
                key)
            .bind("job", jobId)
            .bind("link", deltaLink);
    return end(spec, windowEnd).fetch().rowsUpdated().map(rows -> rows > 0);
  }

  /** Marks {@code key} as refused by Graph for good (403), or clears the mark. */
  Mono<Boolean> refused(ResourceKey key, boolean refused) {
    return updated(
        "UPDATE microsoft_delta SET refused_at = "
            + (refused ? "now()" : "NULL")
            + " WHERE "
            + KEY
            + (refused ? "" : " AND refused_at IS NOT NULL"),
        key,
        s -> s);
  }

  /** Asks for a delta round of {@code key}; false when it does not stream (any more). */
  Mono<Boolean> markPending(ResourceKey key) {
    return updated("UPDATE microsoft_delta SET pending = true WHERE " + KEY, key, s -> s);
  }

  /**
   * Takes the delta lease when a round is pending and nobody holds it, clearing {@code pending}.
   */
  Mono<DeltaState> claimSync(ResourceKey key, String run, Duration lease) {
    return bind(
            db.sql(
                "UPDATE microsoft_delta SET pending = false, sync_owner = :run,"
                    + " sync_expires_at = now() + :lease"
                    + LEASE
                    + " WHERE "
                    + KEY
                    + " AND pending AND (sync_owner IS NULL OR sync_expires_at < now())"
                    + " AND (retry_at IS NULL OR retry_at <= now())"
                    + " RETURNING delta_link, sync_from, window_end, failures"),
            key)
        .bind("run", run)
        .bind("lease", lease.toMillis())
        .map(DeltaStore::state)
        .one();
  }

  /**
   * Ends a round in one statement: when another was asked for meanwhile, keeps the lease and
   * answers where the next round starts; otherwise hands the lease back and answers empty.
   */
  Mono<DeltaState> finish(ResourceKey key, String run, Duration lease) {
    return bind(
            db.sql(
                "UPDATE microsoft_delta SET pending = false,"
                    + " sync_owner = CASE WHEN pending THEN sync_owner END,"
                    + " sync_expires_at = CASE WHEN pending THEN now() + :lease"
                    + LEASE
                    + " END WHERE "
                    + KEY
                    + " AND sync_owner = :run"
                    + " RETURNING sync_owner IS NOT NULL AS again, delta_link, sync_from, window_end,"
                    + " failures"),
            key)
        .bind("run", run)
        .bind("lease", lease.toMillis())
        .map(row -> Boolean.TRUE.equals(row.get("again", Boolean.class)) ? state(row) : NONE)
        .one()
        .filter(state -> state != NONE);
  }

  /**
   * After a failed round: the lease back, the round still pending but not claimed before {@code
   * wait} has passed, the failure counted and its reason kept.
   */
  Mono<Boolean> releaseFailed(ResourceKey key, String run, Duration wait, String error) {
    return updated(
        "UPDATE microsoft_delta SET sync_owner = NULL, sync_expires_at = NULL, pending = true,"
            + " failures = failures + 1, retry_at = now() + :wait"
            + LEASE
            + ", last_error = :error WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> s.bind("run", run).bind("wait", wait.toMillis()).bind("error", error));
  }

  /** Stores the link of a round whose events are published; false without the lease. */
  Mono<Boolean> saveLink(
      ResourceKey key, String run, String deltaLink, @Nullable Instant windowEnd) {
    return updated(
        "UPDATE microsoft_delta SET delta_link = :link, sync_from = NULL, last_synced_at = now(),"
            + " window_end = coalesce(:end, window_end), failures = 0, retry_at = NULL,"
            + " last_error = NULL WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> end(s.bind("run", run).bind("link", deltaLink), windowEnd));
  }

  private static GenericExecuteSpec end(GenericExecuteSpec spec, @Nullable Instant windowEnd) {
    return windowEnd == null
        ? spec.bindNull("end", OffsetDateTime.class)
        : spec.bind("end", time(windowEnd));
  }

  /** Takes the subscription lease of {@code key}: only its holder creates or renews. */
  Mono<Boolean> claimSubscription(ResourceKey key, String owner, Duration lease) {
    return updated(
        "UPDATE microsoft_delta SET subscription_owner = :owner,"
            + " subscription_expires_at = now() + :lease"
            + LEASE
            + " WHERE "
            + KEY
            + " AND (subscription_owner IS NULL OR subscription_expires_at < now())",
        key,
        s -> s.bind("owner", owner).bind("lease", lease.toMillis()));
  }

  Mono<Boolean> releaseSubscription(ResourceKey key, String owner) {
    return updated(
        "UPDATE microsoft_delta SET subscription_owner = NULL, subscription_expires_at = NULL"
            + " WHERE "
            + KEY
            + " AND subscription_owner = :owner",
        key,
        s -> s.bind("owner", owner));
  }

  /** The streamed resources of {@code userId}'s integration {@code provider}. */
  Flux<ResourceKey> resources(String userId, String provider) {
    return db.sql(
            "SELECT user_id, provider, resource FROM microsoft_delta WHERE user_id = :user"
                + " AND provider = :provider")
        .bind("user", userId)
        .bind("provider", provider)
        .map(DeltaStore::key)
        .all();
  }

  /** Stops streaming one resource (its subscription rows go with it: delete them first). */
  Mono<Long> forget(ResourceKey key) {
    return bind(db.sql("DELETE FROM microsoft_delta WHERE " + KEY), key).fetch().rowsUpdated();
  }

  /** Stops streaming the resources of {@code userId} (of {@code provider} when given). */
  Mono<Long> forget(String userId, Optional<String> provider) {
    GenericExecuteSpec spec =
        provider.isPresent()
            ? db.sql("DELETE FROM microsoft_delta WHERE user_id = :user AND provider = :provider")
                .bind("provider", provider.get())
            : db.sql("DELETE FROM microsoft_delta WHERE user_id = :user");
    return spec.bind("user", userId).fetch().rowsUpdated();
  }

  private Mono<Boolean> updated(
      String sql, ResourceKey key, UnaryOperator<GenericExecuteSpec> binds) {
    return binds.apply(bind(db.sql(sql), key)).fetch().rowsUpdated().map(rows -> rows > 0);
  }

  static GenericExecuteSpec bind(GenericExecuteSpec spec, ResourceKey key) {
    return spec.bind("user", key.userId())
        .bind("provider", key.provider())
        .bind("resource", key.resource().wire());
  }

  static ResourceKey key(Readable row) {
    String resource = Objects.requireNonNull(row.get("resource", String.class));
    return new ResourceKey(
        Objects.requireNonNull(row.get("user_id", String.class)),
        Objects.requireNonNull(row.get("provider", String.class)),
        GraphResource.fromWire(resource)
            .orElseThrow(() -> new IllegalStateException("unknown resource " + resource)));
  }

  private static DeltaState state(Readable row) {
    OffsetDateTime from = row.get("sync_from", OffsetDateTime.class);
    OffsetDateTime end = row.get("window_end", OffsetDateTime.class);
    return new DeltaState(
        row.get("delta_link", String.class),
        from == null ? null : from.toInstant(),
        end == null ? null : end.toInstant(),
        Objects.requireNonNullElse(row.get("failures", Integer.class), 0));
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
