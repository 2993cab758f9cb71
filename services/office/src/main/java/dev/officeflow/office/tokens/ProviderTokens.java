package dev.officeflow.office.tokens;

import reactor.core.publisher.Mono;

/**
 * A user's access to a provider: from the user service ({@link UserServiceTokens}), or locally
 * ({@link LocalProviderTokens}: configured grants or google-sim's admin API) in tests. Permanent
 * failures are {@link TokenUnavailableException}s.
 */
public interface ProviderTokens {

  /** The user's current credential for {@code provider}. */
  Mono<ProviderCredential> current(String userId, String provider);

  /** A fresh credential after the provider refused the current one (HTTP 401). */
  Mono<ProviderCredential> refresh(String userId, String provider);
}
