package dev.officeflow.user.token;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * At most one run of a piece of work per key at a time in this process: callers that arrive while
 * it runs share its result. The work runs detached from any one caller, so a caller that goes away
 * does not cancel it for the others. Thread-safe.
 */
final class SingleFlight<K, V> {

  private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  Mono<V> run(K key, Supplier<Mono<V>> work) {
    return Mono.defer(
        () -> {
          CompletableFuture<V> mine = new CompletableFuture<>();
          CompletableFuture<V> flight = running.putIfAbsent(key, mine);
          if (flight == null) {
            flight = mine;
            start(key, mine, work);
          }
          return Mono.fromFuture(flight, true);
        });
  }

  /** How many keys have work running now. */
  int inFlight() {
    return running.size();
  }

  private void start(K key, CompletableFuture<V> flight, Supplier<Mono<V>> work) {
    Mono.defer(work)
        .toFuture()
        .whenComplete(
            (value, error) -> {
              running.remove(key, flight);
              if (error != null) {
                flight.completeExceptionally(error);
              } else {
                flight.complete(value);
              }
            });
  }
}
