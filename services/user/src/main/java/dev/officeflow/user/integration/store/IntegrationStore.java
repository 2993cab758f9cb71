package dev.officeflow.user.integration.store;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.user.integration.Integration;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code integrations} table. Every query names the user it is for. */
public class IntegrationStore {

  private static final String COLUMNS =
      """
      id, user_id, provider, status, account_email, scopes, last_sync_at, error_message, \
      created_at, updated_at""";

  private final DatabaseClient db;

  public IntegrationStore(DatabaseClient db) {
    this.db = db;
  }

  /** Empty when the user has no integration with this provider. */
  public Mono<Integration> find(String userId, String provider) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM integrations WHERE user_id = :user AND provider = :provider")
        .bind("user", userId)
        .bind("provider", provider)
        .map(IntegrationStore::integration)
        .one();
  }

  public Flux<Integration> list(String userId) {
    return db.sql(
            "SELECT " + COLUMNS + " FROM integrations WHERE user_id = :user ORDER BY provider")
        .bind("user", userId)
        .map(IntegrationStore::integration)
        .all();
  }

  /**
   * Makes the user's integration with the provider active with this account and scopes, creating it
   * if needed; the result is the row as it is now.
   */
  public Mono<Integration> activate(
      String userId, String provider, String accountEmail, List<String> scopes, Instant now) {
    return db.sql(
            """
            INSERT INTO integrations (id, user_id, provider, status, account_email, scopes,
                created_at, updated_at)
            VALUES (:id, :user, :provider, 'active', :email, :scopes, :now, :now)
            ON CONFLICT (user_id, provider) DO UPDATE SET
                status = 'active', account_email = EXCLUDED.account_email,
                scopes = EXCLUDED.scopes, error_message = NULL, updated_at = EXCLUDED.updated_at
            RETURNING\s"""
                + COLUMNS)
        .bind("id", UUID.randomUUID())
        .bind("user", userId)
        .bind("provider", provider)
        .bind("email", accountEmail)
        .bind("scopes", scopes.toArray(String[]::new))
        .bind("now", at(now))
        .map(IntegrationStore::integration)
        .one();
  }

  /**
   * Creates the user's integration with the provider in this status; empty, changing nothing, when
   * the user has one already.
   */
  public Mono<Integration> insert(
      String userId,
      String provider,
      IntegrationStatus status,
      @Nullable String accountEmail,
      List<String> scopes,
      Instant now) {
    return db.sql(
            """
            INSERT INTO integrations (id, user_id, provider, status, account_email, scopes,
                created_at, updated_at)
            VALUES (:id, :user, :provider, :status, :email, :scopes, :now, :now)
            ON CONFLICT (user_id, provider) DO NOTHING
            RETURNING\s"""
                + COLUMNS)
        .bind("id", UUID.randomUUID())
        .bind("user", userId)
        .bind("provider", provider)
        .bind("status", status.wire())
        .bind("email", Parameter.fromOrEmpty(accountEmail, String.class))
        .bind("scopes", scopes.toArray(String[]::new))
        .bind("now", at(now))
        .map(IntegrationStore::integration)
        .one();
  }

  /** Sets status and error message; the result is the row as it is now. */
  public Mono<Integration> setStatus(
      Integration integration, IntegrationStatus status, @Nullable String error, Instant now) {
    return db.sql(
            """
            UPDATE integrations SET status = :status, error_message = :error, updated_at = :now
            WHERE id = :id AND user_id = :user
            RETURNING\s"""
                + COLUMNS)
        .bind("status", status.wire())
        .bind("error", Parameter.fromOrEmpty(error, String.class))
        .bind("now", at(now))
        .bind("id", integration.id())
        .bind("user", integration.userId())
        .map(IntegrationStore::integration)
        .one();
  }

  /** What {@link #recordSync} found: the user's integration with the provider, and if it moved. */
  public record SyncRecorded(boolean found, boolean moved) {}

  /**
   * Moves the integration's {@code last_sync_at} forward to {@code syncedAt}: never back, and never
   * to a time before the integration was created (a job of an earlier connection, deleted since,
   * that completes late). {@code updated_at} stays: it is when the connection changed.
   */
  public Mono<SyncRecorded> recordSync(String userId, String provider, Instant syncedAt) {
    return db.sql(
            """
            WITH target AS (
                SELECT id, last_sync_at, created_at FROM integrations
                WHERE user_id = :user AND provider = :provider),
            moved AS (
                UPDATE integrations SET last_sync_at = :synced
                FROM target
                WHERE integrations.id = target.id AND integrations.user_id = :user
                  AND (target.last_sync_at IS NULL OR target.last_sync_at < :synced)
                  AND target.created_at <= :synced
                RETURNING integrations.id)
            SELECT (SELECT count(*) FROM target) AS found, (SELECT count(*) FROM moved) AS moved
            """)
        .bind("user", userId)
        .bind("provider", provider)
        .bind("synced", at(syncedAt))
        .map(
            row ->
                new SyncRecorded(
                    row.get("found", Long.class) > 0, row.get("moved", Long.class) > 0))
        .one();
  }

  /** Records the scopes Google reports with a refreshed token. */
  public Mono<Void> updateScopes(Integration integration, List<String> scopes) {
    return db.sql("UPDATE integrations SET scopes = :scopes WHERE id = :id AND user_id = :user")
        .bind("scopes", scopes.toArray(String[]::new))
        .bind("id", integration.id())
        .bind("user", integration.userId())
        .then();
  }

  public Mono<Void> delete(Integration integration) {
    return db.sql("DELETE FROM integrations WHERE id = :id AND user_id = :user")
        .bind("id", integration.id())
        .bind("user", integration.userId())
        .then();
  }

  private static Integration integration(Readable row) {
    return new Integration(
        row.get("id", UUID.class),
        row.get("user_id", String.class),
        row.get("provider", String.class),
        IntegrationStatus.fromWire(row.get("status", String.class)),
        row.get("account_email", String.class),
        Arrays.asList(row.get("scopes", String[].class)),
        instant(row.get("last_sync_at", OffsetDateTime.class)),
        row.get("error_message", String.class),
        instant(row.get("created_at", OffsetDateTime.class)),
        instant(row.get("updated_at", OffsetDateTime.class)));
  }

  static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
