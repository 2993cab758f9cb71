package dev.officeflow.office.purge;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanStream;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * A user's keys under {@code office:{user_id}:*} in Redis: the payloads of their large events
 * (ARCHITECTURE §4), which would otherwise stay until their TTL. Found with {@code SCAN} (never
 * {@code KEYS}, which blocks Redis) and removed with {@code UNLINK} in batches. The quota buckets
 * ({@code office:quota:<api>:<user>}) hold no data of the user and expire within minutes.
 */
final class OfficeKeys implements AutoCloseable {

  private static final int BATCH = 500;

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;

  /** Opens a connection of the process's Redis client; closing closes only that. */
  OfficeKeys(RedisClient client) {
    this.connection = client.connect();
    this.redis = connection.reactive();
  }

  /** Deletes every key of the user's; how many there were. */
  Mono<Long> delete(String userId) {
    ScanArgs args = ScanArgs.Builder.matches(pattern(userId)).limit(BATCH);
    return ScanStream.scan(redis, args)
        .buffer(BATCH)
        .concatMap(keys -> redis.unlink(keys.toArray(String[]::new)))
        .reduce(0L, Long::sum);
  }

  /** {@code office:<user>:*}, the user id's glob characters escaped so it matches only itself. */
  static String pattern(String userId) {
    return "office:" + userId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + ":*";
  }

  @Override
  public void close() {
    connection.close();
  }
}
