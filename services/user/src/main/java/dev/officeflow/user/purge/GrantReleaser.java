package dev.officeflow.user.purge;

import dev.officeflow.user.oauth.OAuthException;
import dev.officeflow.user.oauth.OAuthProvider;
import dev.officeflow.user.oauth.OAuthProviders;
import dev.officeflow.user.purge.store.HeldGrantStore;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Revokes due held grants at the provider, then forgets them. Each grant is claimed first (one
 * conditional {@code UPDATE ... FOR UPDATE SKIP LOCKED}), so with several instances one of them
 * revokes it; a failed revocation keeps the row and ends the claim, and the next sweep tries again.
 * A provider without revocation (Microsoft) has its grant forgotten: the row and its tokens go, and
 * the log says it was not revoked.
 */
final class GrantReleaser {

  private static final Logger log = LoggerFactory.getLogger(GrantReleaser.class);

  private final HeldGrantStore store;
  private final OAuthProviders providers;
  private final PurgeSettings settings;
  private final Clock clock;

  GrantReleaser(
      HeldGrantStore store, OAuthProviders providers, PurgeSettings settings, Clock clock) {
    this.store = store;
    this.providers = providers;
    this.settings = settings;
    this.clock = clock;
  }

  /** Releases every due grant of {@code userId}; how many were revoked. */
  Mono<Long> release(String userId) {
    return releaseDue(userId);
  }

  /** One sweep: releases up to a batch of due grants of anyone; how many were revoked. */
  Mono<Long> sweep() {
    return releaseDue(null);
  }

  private Mono<Long> releaseDue(@Nullable String userId) {
    return Mono.defer(
        () ->
            store
                .claimDue(userId, clock.instant(), settings.claim(), settings.batchSize())
                .concatMap(this::revoke)
                .filter(revoked -> revoked)
                .count());
  }

  private Mono<Boolean> revoke(HeldToken held) {
    String token =
        held.tokens().refreshToken() != null
            ? held.tokens().refreshToken()
            : held.tokens().accessToken();
    Optional<OAuthProvider> provider = providers.find(held.provider());
    Mono<Boolean> atProvider = provider.isEmpty() ? Mono.just(false) : provider.get().revoke(token);
    return atProvider
        .onErrorResume(GrantReleaser::alreadyGone, e -> Mono.just(true))
        .flatMap(revoked -> store.delete(held.integrationId()).thenReturn(revoked))
        .doOnNext(
            revoked ->
                log.info(
                    revoked
                        ? "released held grant {} of deleted user {} at {}: revoked"
                        : "released held grant {} of deleted user {} at {}: forgotten, not revoked"
                            + " (the provider has no revocation endpoint)",
                    held.integrationId(),
                    held.userId(),
                    held.provider()))
        .thenReturn(true)
        .onErrorResume(e -> failed(held, e));
  }

  /** The provider no longer knows the token: the grant is revoked already (400 invalid_token). */
  private static boolean alreadyGone(Throwable e) {
    return e instanceof OAuthException o && o.status() == 400;
  }

  private Mono<Boolean> failed(HeldToken held, Throwable e) {
    log.warn(
        "revoking held grant {} of deleted user {} at {} failed, the next sweep retries: {}",
        held.integrationId(),
        held.userId(),
        held.provider(),
        e.toString());
    return store.failed(held.integrationId(), String.valueOf(e.getMessage())).thenReturn(false);
  }
}
