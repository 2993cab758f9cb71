package dev.officeflow.user.purge.store;

import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.crypto.TokenCipher.Binding;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.purge.HeldToken;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code held_grants} table (V2): grants of deleted users until they are released. Times are
 * the injected clock's, passed in by the caller, so tests move the deadline by moving the clock.
 * Token columns are the same envelopes as {@code integration_tokens}, bound to the same user,
 * provider and purpose.
 */
public class HeldGrantStore {

  private static final String ACCESS = "access_token";
  private static final String REFRESH = "refresh_token";
  private static final String COLUMNS =
      "integration_id, user_id, provider, scopes, access_token, refresh_token, access_expires_at";

  private final DatabaseClient db;
  private final TokenCipher cipher;

  public HeldGrantStore(DatabaseClient db, TokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /**
   * Copies the tokens of each of the user's integrations that has any, to be released at {@code
   * releaseAt}; inside the caller's transaction. Again is harmless. The result is how many.
   */
  public Mono<Long> hold(String userId, Instant now, Instant releaseAt) {
    return db.sql(
            """
            INSERT INTO held_grants (integration_id, user_id, provider, scopes, access_token,
                refresh_token, access_expires_at, held_at, release_at)
            SELECT i.id, i.user_id, i.provider, i.scopes, t.access_token, t.refresh_token,
                t.access_expires_at, :now, :release
            FROM integrations i JOIN integration_tokens t ON t.integration_id = i.id
            WHERE i.user_id = :user
            ON CONFLICT (integration_id) DO NOTHING
            """)
        .bind("user", userId)
        .bind("now", at(now))
        .bind("release", at(releaseAt))
        .fetch()
        .rowsUpdated();
  }

  /**
   * The user's grant with the provider while it is held and not yet due for release, locked until
   * the surrounding transaction ends (one refresh at a time across instances); empty otherwise.
   */
  public Mono<HeldToken> lockUsable(String userId, String provider, Instant now) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM held_grants WHERE user_id = :user AND provider = :provider"
                + " AND release_at > :now FOR UPDATE")
        .bind("user", userId)
        .bind("provider", provider)
        .bind("now", at(now))
        .map(this::decrypt)
        .one();
  }

  /** A refreshed access token (and refresh token, when Google sent a new one). */
  public Mono<Void> refreshed(HeldToken held, ProviderTokens tokens) {
    Binding refreshBinding = binding(held, REFRESH);
    byte[] refresh =
        tokens.refreshToken() == null
            ? null
            : cipher.encrypt(tokens.refreshToken(), refreshBinding);
    return db.sql(
            """
            UPDATE held_grants SET access_token = :access,
                refresh_token = COALESCE(:refresh, refresh_token), access_expires_at = :expires
            WHERE integration_id = :id
            """)
        .bind("id", held.integrationId())
        .bind("access", cipher.encrypt(tokens.accessToken(), binding(held, ACCESS)))
        .bind("refresh", Parameter.fromOrEmpty(refresh, byte[].class))
        .bind("expires", at(tokens.accessExpiresAt()))
        .then();
  }

  /** Makes the user's held grants due now (the office confirmed); how many. */
  public Mono<Long> due(String userId, Instant now) {
    return db.sql(
            "UPDATE held_grants SET release_at = :now WHERE user_id = :user AND release_at > :now")
        .bind("user", userId)
        .bind("now", at(now))
        .fetch()
        .rowsUpdated();
  }

  /**
   * Claims up to {@code limit} grants due at {@code now} (of {@code userId} when given) for {@code
   * claim}: nobody else takes them meanwhile, and a claim whose holder died lapses.
   */
  public Flux<HeldToken> claimDue(
      @org.jspecify.annotations.Nullable String userId, Instant now, Duration claim, int limit) {
    String mine = userId == null ? "" : " AND user_id = :user";
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "UPDATE held_grants g SET claimed_until = :until WHERE g.integration_id IN"
                    + " (SELECT integration_id FROM held_grants WHERE release_at <= :now"
                    + " AND (claimed_until IS NULL OR claimed_until <= :now)"
                    + mine
                    + " ORDER BY release_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING g.*")
            .bind("now", at(now))
            .bind("until", at(now.plus(claim)))
            .bind("limit", limit);
    return (userId == null ? spec : spec.bind("user", userId)).map(this::decrypt).all();
  }

  /** The grant is revoked (or was gone already): forgotten for good. */
  public Mono<Void> delete(UUID integrationId) {
    return db.sql("DELETE FROM held_grants WHERE integration_id = :id")
        .bind("id", integrationId)
        .then();
  }

  /** Revoking failed: the claim ends, so the next sweep tries again. */
  public Mono<Void> failed(UUID integrationId, String error) {
    return db.sql(
            "UPDATE held_grants SET claimed_until = NULL, attempts = attempts + 1,"
                + " last_error = :error WHERE integration_id = :id")
        .bind("id", integrationId)
        .bind("error", error)
        .then();
  }

  /** How many grants the user still has held (for tests and the log). */
  public Mono<Long> count(String userId) {
    return db.sql("SELECT count(*) AS n FROM held_grants WHERE user_id = :user")
        .bind("user", userId)
        .map(row -> Objects.requireNonNull(row.get("n", Long.class)))
        .one();
  }

  private HeldToken decrypt(Readable row) {
    String user = Objects.requireNonNull(row.get("user_id", String.class));
    String provider = Objects.requireNonNull(row.get("provider", String.class));
    byte[] refresh = row.get("refresh_token", byte[].class);
    ProviderTokens tokens =
        new ProviderTokens(
            cipher.decrypt(
                Objects.requireNonNull(row.get("access_token", byte[].class)),
                new Binding(user, provider, ACCESS)),
            refresh == null ? null : cipher.decrypt(refresh, new Binding(user, provider, REFRESH)),
            Objects.requireNonNull(row.get("access_expires_at", OffsetDateTime.class)).toInstant());
    return new HeldToken(
        Objects.requireNonNull(row.get("integration_id", UUID.class)),
        user,
        provider,
        Arrays.asList(Objects.requireNonNull(row.get("scopes", String[].class))),
        tokens);
  }

  private static Binding binding(HeldToken held, String purpose) {
    return new Binding(held.userId(), held.provider(), purpose);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
