package dev.officeflow.runtime.deadletter;

import dev.officeflow.runtime.forget.ForgottenUsers;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Mono;

/**
 * The service's {@link ForgottenUsers}, and once it has recorded a user as forgotten, the start of
 * the purge of their dead letters. Wrapped around whichever record the service has, so that every
 * way a service forgets a user purges them.
 */
final class PurgingForgottenUsers implements ForgottenUsers {

  private final ForgottenUsers delegate;
  private final ObjectProvider<DeadLetterUserPurger> purger;

  PurgingForgottenUsers(ForgottenUsers delegate, ObjectProvider<DeadLetterUserPurger> purger) {
    this.delegate = delegate;
    this.purger = purger;
  }

  @Override
  public Mono<Void> forget(String userId) {
    return delegate
        .forget(userId)
        .doOnSuccess(done -> purger.ifAvailable(dead -> dead.purge(userId)));
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    return delegate.isForgotten(userId);
  }
}
