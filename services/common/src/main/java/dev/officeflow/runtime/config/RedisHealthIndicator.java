package dev.officeflow.runtime.config;

import dev.officeflow.runtime.payload.PayloadStore;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** Whether the payload store (Redis) answers a PING: large events cannot travel without it. */
final class RedisHealthIndicator implements ReactiveHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final PayloadStore store;

  RedisHealthIndicator(PayloadStore store) {
    this.store = store;
  }

  @Override
  public Mono<Health> health() {
    return Mono.fromFuture(store::ping)
        .timeout(TIMEOUT)
        .thenReturn(Health.up().build())
        .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.toString()).build()));
  }
}
