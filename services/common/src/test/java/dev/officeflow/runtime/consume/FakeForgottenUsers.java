package dev.officeflow.runtime.consume;

import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A record of forgotten users in memory that counts the questions it is asked. */
final class FakeForgottenUsers implements ForgottenUsers {

  private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
  private final AtomicInteger questions = new AtomicInteger();

  FakeForgottenUsers(String... users) {
    forgotten.addAll(Set.of(users));
  }

  @Override
  public Mono<Void> forget(String userId) {
    return Mono.fromRunnable(() -> forgotten.add(userId));
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    return Mono.fromSupplier(
        () -> {
          questions.incrementAndGet();
          return forgotten.contains(userId);
        });
  }

  int questions() {
    return questions.get();
  }
}
