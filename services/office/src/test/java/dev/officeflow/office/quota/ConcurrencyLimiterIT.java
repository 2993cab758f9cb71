package dev.officeflow.office.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.testing.RunsAlone;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link ConcurrencyLimiter} against real Redis: two limiters stand for two office instances. */
@IntegrationTest
@RunsAlone
class ConcurrencyLimiterIT {

  private static RedisClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(Infrastructure.redisUri());
  }

  @AfterAll
  static void disconnect() {
    redis.shutdown();
  }

  private static String prefix() {
    return "test:" + UUID.randomUUID() + ":";
  }

  @Test
  void sixteenCallersOfTwoInstancesNeverHaveMoreThanFourInFlight() {
    String prefix = prefix();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Mono<Integer> call =
        Mono.defer(
                () -> {
                  most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  return Mono.delay(Duration.ofMillis(40));
                })
            .doFinally(s -> inFlight.decrementAndGet())
            .thenReturn(1);
    try (ConcurrencyLimiter one = new ConcurrencyLimiter(redis, prefix);
        ConcurrencyLimiter two = new ConcurrencyLimiter(redis, prefix)) {
      List<Integer> done =
          Flux.range(0, 16)
              .flatMap(
                  i -> (i % 2 == 0 ? one : two).limited("mailbox", 4, Duration.ofSeconds(5), call),
                  16)
              .collectList()
              .block(Duration.ofSeconds(30));

      assertThat(done).hasSize(16);
    }
    assertThat(most.get()).isEqualTo(4);
  }

  @Test
  void eachKeyHasItsOwnSlots() {
    String prefix = prefix();
    try (ConcurrencyLimiter limiter = new ConcurrencyLimiter(redis, prefix)) {
      Disposable held =
          Flux.range(0, 4)
              .flatMap(i -> limiter.limited("ann", 4, Duration.ofSeconds(30), Mono.never()))
              .subscribe();
      try {
        String other =
            limiter
                .limited("bob", 4, Duration.ofSeconds(30), Mono.just("bob's call"))
                .block(Duration.ofSeconds(5));

        assertThat(other).isEqualTo("bob's call");
      } finally {
        held.dispose();
      }
    }
  }

  @Test
  void aHolderThatDiedWithoutReleasingFreesItsSlotWhenTheLeaseEnds() {
    String prefix = prefix();
    RedisClient doomedClient = RedisClient.create(Infrastructure.redisUri());
    ConcurrencyLimiter doomed = new ConcurrencyLimiter(doomedClient, prefix);
    AtomicInteger holding = new AtomicInteger();
    Flux.range(0, 4)
        .flatMap(
            i ->
                doomed.limited(
                    "mailbox",
                    4,
                    Duration.ofSeconds(2),
                    Mono.fromRunnable(holding::incrementAndGet).then(Mono.never())))
        .subscribe();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> holding.get() == 4);
    // Its connection gone, the dead instance can release nothing.
    doomedClient.shutdown(Duration.ZERO, Duration.ZERO);

    try (ConcurrencyLimiter survivor = new ConcurrencyLimiter(redis, prefix)) {
      long started = System.nanoTime();
      String answer =
          survivor
              .limited("mailbox", 4, Duration.ofSeconds(2), Mono.just("served"))
              .block(Duration.ofSeconds(10));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answer).isEqualTo("served");
      assertThat(waited).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(4));
    }
  }
}
