package dev.officeflow.vespaloader.feed;

import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.FeedClient.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Owns the {@link FeedClient} and hands operations to it.
 *
 * <p>The client is built on first use, not at start-up: building it performs a handshake that fails
 * while Vespa is down, and the service must start (and report itself unhealthy) anyway. After a
 * failed build, operations fail fast for {@code rebuildBackoff} instead of each waiting for another
 * handshake. A client whose circuit breaker has opened has stopped for good, so it is replaced.
 *
 * <p>Submitting an operation may block while the client throttles, so submissions run on one
 * dedicated thread, never on a caller's; results complete on the client's own threads. Thread-safe.
 */
final class FeedClients implements AutoCloseable {

  private final Supplier<FeedClient> builder;
  private final Clock clock;
  private final Duration rebuildBackoff;
  private final Scheduler submitter = Schedulers.newSingle("vespa-feed-submit", true);
  private volatile @Nullable FeedClient client;
  private @Nullable Instant failedAt;
  private @Nullable RuntimeException lastFailure;

  FeedClients(Supplier<FeedClient> builder, Clock clock, Duration rebuildBackoff) {
    this.builder = builder;
    this.clock = clock;
    this.rebuildBackoff = rebuildBackoff;
  }

  /** Runs {@code operation} with the client; its future's outcome is the Mono's. */
  <T> Mono<T> submit(Function<FeedClient, CompletableFuture<T>> operation) {
    return Mono.fromCallable(this::client)
        .subscribeOn(submitter)
        .flatMap(feed -> Mono.fromFuture(() -> operation.apply(feed)));
  }

  /** The circuit breaker of the current client; empty before the first successful build. */
  Optional<CircuitBreaker.State> circuitBreakerState() {
    FeedClient current = client;
    return current == null ? Optional.empty() : Optional.of(current.circuitBreakerState());
  }

  private synchronized FeedClient client() {
    FeedClient current = client;
    if (current != null && current.circuitBreakerState() != CircuitBreaker.State.OPEN) {
      return current;
    }
    if (current != null) {
      current.close(false);
      client = null;
    }
    Instant now = clock.instant();
    if (failedAt != null && lastFailure != null && now.isBefore(failedAt.plus(rebuildBackoff))) {
      throw lastFailure;
    }
    try {
      FeedClient built = builder.get();
      client = built;
      failedAt = null;
      return built;
    } catch (RuntimeException e) {
      failedAt = now;
      lastFailure = e;
      throw e;
    }
  }

  /** Lets operations in flight finish, then releases the client and the submitting thread. */
  @Override
  public synchronized void close() {
    FeedClient current = client;
    client = null;
    if (current != null) {
      current.close(true);
    }
    submitter.dispose();
  }
}
