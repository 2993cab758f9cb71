package dev.officeflow.user.token;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.crypto.TokenDecryptionException;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.oauth.ProviderGrant;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.outbox.PendingEvents;
import dev.officeflow.user.purge.HeldGrants;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Serves an integration's access token. One that expires within the refresh margin is refreshed
 * first, once: concurrent callers in this process share one refresh ({@link SingleFlight}), and
 * across instances the refresh runs with the token row locked ({@code SELECT ... FOR UPDATE}) and
 * re-checks it, so an instance that waited for the lock finds the fresh token and calls nobody. A
 * deleted user's tokens are refused ({@code 410 user_forgotten}); while the office purges them, it
 * asks for the held grant instead ({@link #forPurge}). A provider that rotates refresh tokens
 * (Microsoft) answers a new one with each refresh, stored encrypted in place of the old in the same
 * locked transaction, so the next refresh uses it.
 */
public class TokenBroker {

  private static final Logger log = LoggerFactory.getLogger(TokenBroker.class);

  /** How a refresh ended: a token to serve, or an integration that no longer works. */
  private sealed interface Outcome {}

  private record Served(Integration integration, ProviderTokens tokens) implements Outcome {}

  private record Ended(Integration integration) implements Outcome {}

  private final Integrations integrations;
  private final IntegrationChanges changes;
  private final EventTransactions transactions;
  private final OAuthProviders providers;
  private final TokenSettings settings;
  private final ForgottenUsers forgotten;
  private final HeldGrants held;
  private final Clock clock;
  private final SingleFlight<UUID, Outcome> refreshes = new SingleFlight<>();

  TokenBroker(
      Integrations integrations,
      IntegrationChanges changes,
      EventTransactions transactions,
      OAuthProviders providers,
      TokenSettings settings,
      ForgottenUsers forgotten,
      HeldGrants held,
      Clock clock) {
    this.integrations = integrations;
    this.changes = changes;
    this.transactions = transactions;
    this.providers = providers;
    this.settings = settings;
    this.forgotten = forgotten;
    this.held = held;
    this.clock = clock;
  }

  /**
   * The access token of the user's integration with the provider.
   *
   * @param rejected an access token the provider refused (HTTP 401) although it had not expired:
   *     while it is still the stored one, it is refreshed like an expired one
   */
  public Mono<ServedToken> get(
      String userId, String provider, List<String> requiredScopes, Optional<String> rejected) {
    return forgotten
        .isForgotten(userId)
        .flatMap(gone -> gone ? Mono.error(deleted(userId)) : Mono.just(userId))
        .flatMap(user -> integrations.find(user, provider))
        .switchIfEmpty(Mono.error(() -> notConnected(userId, provider)))
        .flatMap(integration -> usable(integration, requiredScopes))
        .flatMap(
            integration ->
                integrations
                    .tokens(integration)
                    .switchIfEmpty(Mono.error(() -> withoutTokens(integration)))
                    .flatMap(
                        tokens ->
                            fresh(tokens, rejected)
                                ? Mono.just(ServedToken.of(integration, tokens))
                                : refreshOnce(integration, rejected)))
        .onErrorMap(TokenDecryptionException.class, TokenBroker::undecryptable);
  }

  /**
   * The access token of the grant held for the office's purge of a deleted user (ARCHITECTURE §2,
   * flow 6): only while it is held, refreshed like any other when close to expiry; 404 {@code
   * integration_not_found} when none is held (released, past its deadline, never connected).
   */
  public Mono<ServedToken> forPurge(String userId, String provider) {
    return held.token(userId, provider, settings.refreshMargin())
        .map(ServedToken::held)
        .switchIfEmpty(Mono.error(() -> notHeld(userId, provider)))
        .onErrorMap(TokenDecryptionException.class, TokenBroker::undecryptable);
  }

  private Mono<Integration> usable(Integration integration, List<String> requiredScopes) {
    if (integration.status() != IntegrationStatus.ACTIVE) {
      return Mono.error(inactive(integration));
    }
    List<String> missing =
        requiredScopes.stream().filter(s -> !integration.scopes().contains(s)).toList();
    if (!missing.isEmpty()) {
      return Mono.error(
          new ApiException(
              HttpStatus.FORBIDDEN,
              "insufficient_scopes",
              "the integration was not granted " + String.join(", ", missing),
              Map.of("missing_scopes", missing, "granted_scopes", integration.scopes())));
    }
    return Mono.just(integration);
  }

  private Mono<ServedToken> refreshOnce(Integration integration, Optional<String> rejected) {
    return refreshes
        .run(
            integration.id(),
            () -> transactions.run(events -> refresh(integration, rejected, events)))
        .switchIfEmpty(Mono.error(() -> notConnected(integration.userId(), integration.provider())))
        .flatMap(
            outcome ->
                outcome instanceof Served served
                    ? Mono.just(ServedToken.of(served.integration(), served.tokens()))
                    : Mono.error(ended(((Ended) outcome).integration())));
  }

  /** Tokens gone after a refresh attempt: revoked or expired here, or by another instance. */
  private static ApiException ended(Integration integration) {
    return integration.status() == IntegrationStatus.ACTIVE
        ? withoutTokens(integration)
        : inactive(integration);
  }

  private Mono<Outcome> refresh(
      Integration integration, Optional<String> rejected, PendingEvents events) {
    return integrations
        .tokensForUpdate(integration)
        .flatMap(
            tokens ->
                fresh(tokens, rejected)
                    ? Mono.<Outcome>just(new Served(integration, tokens))
                    : callProvider(integration, tokens, events))
        .switchIfEmpty(
            Mono.defer(() -> integrations.find(integration.userId(), integration.provider()))
                .map(Ended::new));
  }

  private Mono<Outcome> callProvider(
      Integration integration, ProviderTokens tokens, PendingEvents events) {
    String refreshToken = tokens.refreshToken();
    if (refreshToken == null) {
      return changes
          .expired(integration, "the access token expired and there is no refresh token", events)
          .map(Ended::new);
    }
    Optional<OAuthProvider> provider = providers.find(integration.provider());
    if (provider.isEmpty()) {
      return Mono.error(notOffered(integration));
    }
    return provider
        .get()
        .refresh(refreshToken, integration.scopes())
        .flatMap(fresh -> store(integration, refreshToken, fresh))
        .onErrorResume(
            OAuthException.class,
            e ->
                e.invalidGrant()
                    ? revoke(integration, provider.get(), e, events)
                    : Mono.error(refreshFailed(provider.get(), e)));
  }

  private Mono<Outcome> store(Integration integration, String refreshToken, ProviderGrant fresh) {
    ProviderTokens next =
        new ProviderTokens(
            fresh.accessToken(),
            fresh.refreshToken() != null ? fresh.refreshToken() : refreshToken,
            clock.instant().plusSeconds(fresh.expiresInSeconds()));
    List<String> scopes = fresh.scopes().isEmpty() ? integration.scopes() : fresh.scopes();
    return changes
        .refreshed(integration, next, scopes)
        .thenReturn(new Served(integration.withScopes(scopes), next));
  }

  private Mono<Outcome> revoke(
      Integration integration, OAuthProvider provider, OAuthException e, PendingEvents events) {
    String reason =
        provider.displayName()
            + " refused the refresh token (invalid_grant: "
            + e.getMessage()
            + "); the user must connect "
            + provider.displayName()
            + " again";
    return changes.revoked(integration, reason, events).map(Ended::new);
  }

  /** Lasts beyond the margin, and is not the token the provider refused. */
  private boolean fresh(ProviderTokens tokens, Optional<String> rejected) {
    return tokens.accessExpiresAt().isAfter(clock.instant().plus(settings.refreshMargin()))
        && !rejected.filter(tokens.accessToken()::equals).isPresent();
  }

  private static ApiException notConnected(String userId, String provider) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "integration_not_found",
        "user " + userId + " has no " + provider + " integration",
        Map.of("user_id", userId, "provider", provider));
  }

  private static ApiException notHeld(String userId, String provider) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "integration_not_found",
        "no " + provider + " grant of user " + userId + " is held for a purge",
        Map.of("user_id", userId, "provider", provider));
  }

  /** A deleted user: their grants are only for the office's purge ({@link #forPurge}). */
  private static ApiException deleted(String userId) {
    return new ApiException(
        HttpStatus.GONE,
        "user_forgotten",
        "user " + userId + " was deleted; their tokens are served only to the purge",
        Map.of("user_id", userId));
  }

  private static ApiException inactive(Integration integration) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("user_id", integration.userId());
    details.put("provider", integration.provider());
    details.put("status", integration.status().wire());
    if (integration.errorMessage() != null) {
      details.put("reason", integration.errorMessage());
    }
    return new ApiException(
        HttpStatus.CONFLICT,
        "integration_" + integration.status().wire(),
        "the "
            + integration.provider()
            + " integration is "
            + integration.status().wire()
            + (integration.errorMessage() == null ? "" : ": " + integration.errorMessage()),
        details);
  }

  private static ApiException withoutTokens(Integration integration) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "integration_without_tokens",
        "the " + integration.provider() + " integration holds no tokens; connect it again",
        Map.of("provider", integration.provider()));
  }

  /** A stored token that does not decrypt: a key is missing or the row was tampered with. */
  private static ApiException undecryptable(TokenDecryptionException e) {
    log.error("stored provider token does not decrypt: {}", e.getMessage());
    return new ApiException(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "token_decryption_failed",
        "the stored provider token cannot be decrypted; the user may need to connect again");
  }

  private static ApiException refreshFailed(OAuthProvider provider, OAuthException e) {
    return new ApiException(
        HttpStatus.BAD_GATEWAY,
        e.unavailable() ? "provider_unavailable" : "token_refresh_failed",
        "refreshing the token at "
            + provider.displayName()
            + " failed ("
            + e.error()
            + "): "
            + e.getMessage(),
        Map.of("provider", provider.name(), "provider_error", e.error()));
  }

  /**
   * An integration of a provider this deployment no longer offers (its client id was removed):
   * nothing can refresh it until the provider is configured again.
   */
  private static ApiException notOffered(Integration integration) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "integration_provider_not_offered",
        "the "
            + integration.provider()
            + " integration's token cannot be refreshed: this deployment no longer offers "
            + integration.provider(),
        Map.of("provider", integration.provider()));
  }
}
