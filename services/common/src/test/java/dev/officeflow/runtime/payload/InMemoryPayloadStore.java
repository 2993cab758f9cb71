package dev.officeflow.runtime.payload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** A payload store in a map, for unit tests of what sits on top of the store. */
public final class InMemoryPayloadStore implements PayloadStore {

  private final Map<String, byte[]> values = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Void> put(String key, byte[] value, Duration ttl) {
    values.put(key, value.clone());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Optional<byte[]>> get(String key) {
    return CompletableFuture.completedFuture(Optional.ofNullable(values.get(key)));
  }

  public Map<String, byte[]> values() {
    return values;
  }
}
