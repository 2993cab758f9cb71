package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.payload.PayloadStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class RedisHealthIndicatorTest {

  @Test
  void aStoreThatAnswersIsUp() {
    Health health =
        new RedisHealthIndicator(store(CompletableFuture.completedFuture(null))).health().block();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aStoreThatFailsIsDownWithTheError() {
    Health health =
        new RedisHealthIndicator(store(CompletableFuture.failedFuture(new IOException("refused"))))
            .health()
            .block();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("error").toString()).contains("refused");
  }

  private static PayloadStore store(CompletableFuture<Void> ping) {
    return new PayloadStore() {
      @Override
      public CompletableFuture<Void> put(String key, byte[] value, Duration ttl) {
        throw new UnsupportedOperationException();
      }

      @Override
      public CompletableFuture<Optional<byte[]>> get(String key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public CompletableFuture<Void> ping() {
        return ping;
      }
    };
  }
}
