package dev.officeflow.runtime.payload;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Payloads in Redis through one Lettuce connection of the process's shared client (Lettuce
 * pipelines concurrent commands on it and reconnects by itself after Redis restarts). Closing the
 * store closes its connection, not the client.
 */
public final class RedisPayloadStore implements PayloadStore, AutoCloseable {

  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisAsyncCommands<String, byte[]> commands;

  public RedisPayloadStore(RedisClient client) {
    this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    this.commands = connection.async();
  }

  @Override
  public CompletableFuture<Void> put(String key, byte[] value, Duration ttl) {
    return commands.psetex(key, ttl.toMillis(), value).toCompletableFuture().thenApply(ok -> null);
  }

  @Override
  public CompletableFuture<Optional<byte[]>> get(String key) {
    return commands.get(key).toCompletableFuture().thenApply(Optional::ofNullable);
  }

  /** Deletes a key; tests use it to simulate an expired payload. */
  public CompletableFuture<Long> delete(String key) {
    return commands.del(key).toCompletableFuture();
  }

  @Override
  public CompletableFuture<Void> ping() {
    return commands.ping().toCompletableFuture().thenApply(pong -> null);
  }

  @Override
  public void close() {
    connection.close();
  }
}
