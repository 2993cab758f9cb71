package dev.officeflow.office.providers.microsoft.streaming;

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
 * The {@code microsoft_delta} table: which resources of a user stream, their delta links, and the
 * delta and subscription leases (owner and expiry by the database clock) that let several instances
 * share them, as {@code calendar_sync} does for Google calendars.
 */
final class DeltaStore {

  private static final String KEY =
      "user_id = :user AND provider = :provider AND resource = :resource";
  private static final String LEASE = " * interval '1 millisecond'";

  /** Where a round starts: the stored delta link, else the first round's lower bound. */
  record DeltaState(@Nullable String deltaLink, @Nullable Instant syncFrom) {}

  private static final DeltaState NONE = new DeltaState(null, null);

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
                    + " RETURNING delta_link, sync_from"),
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
                    + " RETURNING sync_owner IS NOT NULL AS again, delta_link, sync_from"),
            key)
        .bind("run", run)
        .bind("lease", lease.toMillis())
        .map(row -> Boolean.TRUE.equals(row.get("again", Boolean.class)) ? state(row) : NONE)
        .one()
        .filter(state -> state != NONE);
  }

  /** After a failed round: the lease back, the round still pending. */
  Mono<Boolean> releaseFailed(ResourceKey key, String run) {
    return updated(
        "UPDATE microsoft_delta SET sync_owner = NULL, sync_expires_at = NULL, pending = true"
            + " WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> s.bind("run", run));
  }

  /** Stores the link of a round whose events are published; false without the lease. */
  Mono<Boolean> saveLink(ResourceKey key, String run, String deltaLink) {
    return updated(
        "UPDATE microsoft_delta SET delta_link = :link, sync_from = NULL, last_synced_at = now()"
            + " WHERE "
            + KEY
            + " AND sync_owner = :run",
        key,
        s -> s.bind("run", run).bind("link", deltaLink));
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
    return new DeltaState(
        row.get("delta_link", String.class), from == null ? null : from.toInstant());
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
