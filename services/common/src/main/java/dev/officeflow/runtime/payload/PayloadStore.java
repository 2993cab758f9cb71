package dev.officeflow.runtime.payload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where large payloads wait for their consumers. Implementations are thread-safe. */
public interface PayloadStore {

  CompletableFuture<Void> put(String key, byte[] value, Duration ttl);

  /** The stored bytes, or empty when the key does not exist (expired or deleted). */
  CompletableFuture<Optional<byte[]>> get(String key);

  /** Completes when the store answers; for health checks. */
  default CompletableFuture<Void> ping() {
    return CompletableFuture.completedFuture(null);
  }
}
