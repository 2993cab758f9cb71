package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.vespa.feed.client.DocumentId;
import ai.vespa.feed.client.FeedClient;
import ai.vespa.feed.client.FeedException;
import ai.vespa.feed.client.OperationParameters;
import ai.vespa.feed.client.OperationStats;
import ai.vespa.feed.client.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedClientsTest {

  private static final Duration BACKOFF = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger builds = new AtomicInteger();

  @Test
  void theClientIsBuiltOnFirstUseAndReused() {
    try (FeedClients clients = new FeedClients(this::healthyClient, clock, BACKOFF)) {
      assertThat(builds).hasValue(0);

      clients.submit(client -> CompletableFuture.completedFuture("a")).block(WAIT);
      clients.submit(client -> CompletableFuture.completedFuture("b")).block(WAIT);

      assertThat(builds).hasValue(1);
    }
  }

  @Test
  void afterAFailedBuildOperationsFailFastUntilTheBackoffHasPassed() {
    try (FeedClients clients = new FeedClients(this::unreachable, clock, BACKOFF)) {
      assertThatThrownBy(() -> submit(clients)).hasMessageContaining("handshake");
      assertThatThrownBy(() -> submit(clients)).hasMessageContaining("handshake");
      assertThat(builds).hasValue(1);

      clock.advance(BACKOFF);

      assertThatThrownBy(() -> submit(clients)).hasMessageContaining("handshake");
      assertThat(builds).hasValue(2);
    }
  }

  @Test
  void aClientWhoseCircuitBreakerOpenedIsClosedAndReplaced() {
    List<FakeFeedClient> built = new ArrayList<>();
    try (FeedClients clients =
        new FeedClients(() -> record(built, new FakeFeedClient()), clock, BACKOFF)) {
      submit(clients);
      built.get(0).state = FeedClient.CircuitBreaker.State.OPEN;

      submit(clients);

      assertThat(built).hasSize(2);
      assertThat(built.get(0).closed).isTrue();
      assertThat(clients.circuitBreakerState()).contains(FeedClient.CircuitBreaker.State.CLOSED);
    }
  }

  private static void submit(FeedClients clients) {
    clients.submit(client -> CompletableFuture.completedFuture("x")).block(WAIT);
  }

  private FeedClient healthyClient() {
    builds.incrementAndGet();
    return new FakeFeedClient();
  }

  private FeedClient unreachable() {
    builds.incrementAndGet();
    throw new FeedException("failed handshake with server: Connection refused");
  }

  private FeedClient record(List<FakeFeedClient> built, FakeFeedClient client) {
    built.add(client);
    return client;
  }

  /** A feed client that only has a circuit breaker state and remembers being closed. */
  private static final class FakeFeedClient implements FeedClient {
    volatile CircuitBreaker.State state = CircuitBreaker.State.CLOSED;
    volatile boolean closed;

    @Override
    public CompletableFuture<Result> put(DocumentId id, String json, OperationParameters p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Result> update(DocumentId id, String json, OperationParameters p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Result> remove(DocumentId id, OperationParameters p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public OperationStats stats() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void resetStats() {}

    @Override
    public CircuitBreaker.State circuitBreakerState() {
      return state;
    }

    @Override
    public void close(boolean graceful) {
      closed = true;
    }
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
