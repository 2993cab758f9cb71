package dev.officeflow.user.purge;

import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.oauth.ProviderGrant;
import dev.officeflow.user.purge.store.HeldGrantStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A deleted user's provider grants while the office purges them (ARCHITECTURE §2, flow 6): held at
 * deletion, served to the office's purge alone, released when the office confirms or at the
 * deadline. Every read names the user.
 */
public class HeldGrants {

  private static final Logger log = LoggerFactory.getLogger(HeldGrants.class);

  private final HeldGrantStore store;
  private final GrantReleaser releaser;
  private final OAuthProviders providers;
  private final TransactionalOperator transactions;
  private final PurgeSettings settings;
  private final Clock clock;

  HeldGrants(
      HeldGrantStore store,
      GrantReleaser releaser,
      OAuthProviders providers,
      TransactionalOperator transactions,
      PurgeSettings settings,
      Clock clock) {
    this.store = store;
    this.releaser = releaser;
    this.providers = providers;
    this.transactions = transactions;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Holds the tokens of each of the user's integrations until the office's purge confirms, at most
   * the release deadline; run it inside the deletion's transaction, before the integrations go.
   */
  public Mono<Long> hold(String userId) {
    return Mono.defer(
        () ->
            store.hold(userId, clock.instant(), clock.instant().plus(settings.releaseDeadline())));
  }

  /**
   * The held grant's access token, refreshed first when it expires within {@code margin}; empty
   * when no grant is held for this user and provider, or it is released or due for release. A grant
   * the provider no longer honours (invalid_grant) is forgotten here: nothing can stop anything
   * with it, and there is nothing left to revoke. A rotated refresh token replaces the held one.
   */
  public Mono<HeldToken> token(String userId, String provider, Duration margin) {
    return transactions.transactional(
        Mono.defer(() -> store.lockUsable(userId, provider, clock.instant()))
            .flatMap(held -> fresh(held, margin) ? Mono.just(held) : refresh(held)));
  }

  /**
   * The office has purged the user: their grants are revoked now. A revocation that fails is left
   * to the sweeper, which tries again every sweep; the office's part is done either way.
   */
  public Mono<Void> release(String userId) {
    return Mono.defer(() -> store.due(userId, clock.instant()))
        .then(Mono.defer(() -> releaser.release(userId)))
        .then();
  }

  private boolean fresh(HeldToken held, Duration margin) {
    return held.tokens().accessExpiresAt().isAfter(clock.instant().plus(margin));
  }

  private Mono<HeldToken> refresh(HeldToken held) {
    String refreshToken = held.tokens().refreshToken();
    Optional<OAuthProvider> provider = providers.find(held.provider());
    if (refreshToken == null || provider.isEmpty()) {
      return Mono.empty();
    }
    return provider
        .get()
        .refresh(refreshToken, held.scopes())
        .flatMap(fresh -> store(held, refreshToken, fresh))
        .onErrorResume(
            e -> e instanceof OAuthException o && o.invalidGrant(),
            e -> {
              log.info(
                  "held grant {} of deleted user {} is no longer valid at {}; forgotten",
                  held.integrationId(),
                  held.userId(),
                  held.provider());
              return store.delete(held.integrationId()).then(Mono.empty());
            });
  }

  private Mono<HeldToken> store(HeldToken held, String refreshToken, ProviderGrant fresh) {
    ProviderTokens next =
        new ProviderTokens(
            fresh.accessToken(),
            fresh.refreshToken() != null ? fresh.refreshToken() : refreshToken,
            clock.instant().plusSeconds(fresh.expiresInSeconds()));
    return store
        .refreshed(held, next)
        .thenReturn(
            new HeldToken(
                held.integrationId(), held.userId(), held.provider(), held.scopes(), next));
  }
}
