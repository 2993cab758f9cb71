package dev.officeflow.office.tokens;

import reactor.core.publisher.Mono;

/**
 * A user's access to a provider. The local implementation ({@link LocalProviderTokens}) reads
 * grants from configuration or asks google-sim's admin API; the user service's {@code POST
 * /internal/tokens/get} will replace it. Failures are {@link TokenUnavailableException}s.
 */
public interface ProviderTokens {

  /** The user's current credential for {@code provider}. */
  Mono<ProviderCredential> current(String userId, String provider);

  /** A fresh credential after the provider refused the current one (HTTP 401). */
  Mono<ProviderCredential> refresh(String userId, String provider);
}
