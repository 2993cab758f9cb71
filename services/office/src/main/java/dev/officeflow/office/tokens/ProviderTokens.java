package dev.officeflow.office.tokens;

import reactor.core.publisher.Mono;

/**
 * A user's access to a provider: from the user service ({@link UserServiceTokens}), or locally
 * ({@link LocalProviderTokens}: configured grants or google-sim's admin API) in tests. Permanent
 * failures are {@link TokenUnavailableException}s. A chain marked by {@link PurgeTokens} asks for
 * the grant held for a deleted user's purge.
 */
public interface ProviderTokens {

  /** The user's current credential for {@code provider}. */
  Mono<ProviderCredential> current(String userId, String provider);

  /** A fresh credential after the provider refused the current one (HTTP 401). */
  Mono<ProviderCredential> refresh(String userId, String provider);

  /**
   * The purge of a deleted user is done: the office needs none of their grants any more, and the
   * holder revokes them now rather than at its deadline. Idempotent; fails when it should be tried
   * again.
   */
  Mono<Void> release(String userId);
}
