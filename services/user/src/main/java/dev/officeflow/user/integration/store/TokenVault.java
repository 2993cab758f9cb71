package dev.officeflow.user.integration.store;

import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.crypto.TokenCipher.Binding;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.ProviderTokens;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * The {@code integration_tokens} table: tokens are encrypted on the way in (always with the current
 * key, so each write moves a row to it) and decrypted on the way out, bound to the integration's
 * user and provider.
 */
public class TokenVault {

  private static final String ACCESS = "access_token";
  private static final String REFRESH = "refresh_token";

  private final DatabaseClient db;
  private final TokenCipher cipher;

  public TokenVault(DatabaseClient db, TokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** Empty when the integration has no tokens. */
  public Mono<ProviderTokens> load(Integration integration) {
    return select(integration, "");
  }

  /**
   * Like {@link #load}, and locks the row until the surrounding transaction ends, so only one
   * instance refreshes an integration's token at a time.
   */
  public Mono<ProviderTokens> loadForUpdate(Integration integration) {
    return select(integration, " FOR UPDATE");
  }

  public Mono<Void> save(Integration integration, ProviderTokens tokens, Instant now) {
    byte[] refresh =
        tokens.refreshToken() == null
            ? null
            : cipher.encrypt(tokens.refreshToken(), binding(integration, REFRESH));
    return db.sql(
            """
            INSERT INTO integration_tokens (integration_id, access_token, refresh_token,
                access_expires_at, updated_at)
            VALUES (:id, :access, :refresh, :expires, :now)
            ON CONFLICT (integration_id) DO UPDATE SET
                access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
                access_expires_at = EXCLUDED.access_expires_at, updated_at = EXCLUDED.updated_at
            """)
        .bind("id", integration.id())
        .bind("access", cipher.encrypt(tokens.accessToken(), binding(integration, ACCESS)))
        .bind("refresh", Parameter.fromOrEmpty(refresh, byte[].class))
        .bind("expires", IntegrationStore.at(tokens.accessExpiresAt()))
        .bind("now", IntegrationStore.at(now))
        .then();
  }

  public Mono<Void> delete(Integration integration) {
    return db.sql("DELETE FROM integration_tokens WHERE integration_id = :id")
        .bind("id", integration.id())
        .then();
  }

  private Mono<ProviderTokens> select(Integration integration, String lock) {
    return db.sql(
            """
            SELECT access_token, refresh_token, access_expires_at FROM integration_tokens
            WHERE integration_id = :id"""
                + lock)
        .bind("id", integration.id())
        .map(row -> decrypt(integration, row))
        .one();
  }

  private ProviderTokens decrypt(Integration integration, Readable row) {
    byte[] refresh = row.get("refresh_token", byte[].class);
    return new ProviderTokens(
        cipher.decrypt(row.get("access_token", byte[].class), binding(integration, ACCESS)),
        refresh == null ? null : cipher.decrypt(refresh, binding(integration, REFRESH)),
        row.get("access_expires_at", OffsetDateTime.class).toInstant());
  }

  private static Binding binding(Integration integration, String purpose) {
    return new Binding(integration.userId(), integration.provider(), purpose);
  }
}
