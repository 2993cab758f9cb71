package dev.officeflow.runtime.payload;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A payload store in a map, for unit tests of what sits on top of the store. */
public final class InMemoryPayloadStore implements PayloadStore {

  private final Map<String, byte[]> values = new ConcurrentHashMap<>();
  private volatile @Nullable RuntimeException failure;

  @Override
  public CompletableFuture<Void> put(String key, byte[] value, Duration ttl) {
    values.put(key, value.clone());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Optional<byte[]>> get(String key) {
    RuntimeException down = failure;
    if (down != null) {
      return CompletableFuture.failedFuture(down);
    }
    return CompletableFuture.completedFuture(Optional.ofNullable(values.get(key)));
  }

  /** Every later read fails with {@code error}, as a store that cannot be reached. */
  public void failWith(RuntimeException error) {
    failure = error;
  }

  public Map<String, byte[]> values() {
    return values;
  }
}
