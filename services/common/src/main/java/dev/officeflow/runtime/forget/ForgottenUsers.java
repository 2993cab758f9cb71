package dev.officeflow.runtime.forget;

import reactor.core.publisher.Mono;

/**
 * The users this service has forgotten, durably: once recorded, a user stays forgotten, so their
 * later events are settled as {@code forgotten} and their unexpired user JWTs are refused.
 */
public interface ForgottenUsers {

  /** Records {@code userId} as forgotten (again is harmless). */
  Mono<Void> forget(String userId);

  Mono<Boolean> isForgotten(String userId);
}
