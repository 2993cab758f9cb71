package dev.officeflow.runtime.deadletter;

import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** A forgotten-users record in memory: the hook is under test here, not the record. */
final class InMemoryForgottenUsers implements ForgottenUsers {

  private final Set<String> users = ConcurrentHashMap.newKeySet();

  @Override
  public Mono<Void> forget(String userId) {
    return Mono.fromRunnable(() -> users.add(userId));
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    return Mono.fromSupplier(() -> users.contains(userId));
  }
}
