package dev.officeflow.office.quota;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * Bounds the calls in flight per key across every office instance: a provider's concurrency limit
 * (Graph: 4 concurrent requests per app and mailbox), which a backfill, streaming and other
 * instances reach together. Each key is a Redis sorted set of leases (member the call's id, score
 * the time its lease ends, on Redis' own clock); one Lua script ({@link #SCRIPT}) drops expired
 * leases and takes a free slot atomically, and the lease is removed when the call ends. A holder
 * that dies without releasing (kill -9, a lost connection) frees its slot when its lease ends, so
 * the lease must outlast any call (its timeout). A caller that finds no slot asks again after a
 * short jittered wait (10 ms doubling to 200 ms, never past the earliest lease's end). Thread-safe.
 */
public final class ConcurrencyLimiter implements AutoCloseable {

  /**
   * KEYS: the lease set. ARGV: mode ({@code acquire} / {@code release}), id, permits, lease (s).
   * {@code acquire} answers {@code {1, 0}} when the slot is taken, else {@code {0, µs until the
   * earliest lease ends}}.
   */
  static final String SCRIPT =
      """
      local now = redis.call('TIME')
      local t = tonumber(now[1]) + tonumber(now[2]) / 1000000
      if ARGV[1] == 'release' then
        redis.call('ZREM', KEYS[1], ARGV[2])
        return {1, 0}
      end
      local lease = tonumber(ARGV[4])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t)
      if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
        redis.call('ZADD', KEYS[1], t + lease, ARGV[2])
        redis.call('PEXPIRE', KEYS[1], math.ceil(lease * 1000) + 1000)
        return {1, 0}
      end
      local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
      return {0, math.max(0, math.floor((tonumber(first[2]) - t) * 1000000))}
      """;

  private static final Duration FIRST_WAIT = Duration.ofMillis(10);
  private static final Duration LONGEST_WAIT = Duration.ofMillis(200);

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;
  private final String keyPrefix;
  private final String sha;

  /** Opens a connection of the process's Redis client; closing the limiter closes only that. */
  public ConcurrencyLimiter(RedisClient redis, String keyPrefix) {
    this.connection = redis.connect();
    this.redis = connection.reactive();
    this.keyPrefix = keyPrefix;
    this.sha = sha1(SCRIPT);
  }

  /**
   * Makes {@code call} once fewer than {@code permits} calls of {@code key} are in flight, holding
   * a slot for at most {@code lease}, and frees the slot when the call ends (answered, failed or
   * cancelled).
   */
  public <T> Mono<T> limited(String key, int permits, Duration lease, Mono<T> call) {
    return Mono.defer(
        () -> {
          String id = UUID.randomUUID().toString();
          String set = keyPrefix + "concurrency:" + key;
          return Mono.usingWhen(
              acquire(set, id, permits, lease, 0),
              taken -> call,
              taken -> release(set, id),
              (taken, error) -> release(set, id),
              taken -> release(set, id));
        });
  }

  private Mono<Boolean> acquire(String set, String id, int permits, Duration lease, int attempt) {
    String[] args = {"acquire", id, Integer.toString(permits), seconds(lease)};
    return script(set, args)
        .flatMap(
            answer -> {
              if ((Long) answer.get(0) == 1L) {
                return Mono.just(true);
              }
              Duration wait = wait(attempt, Duration.ofNanos((Long) answer.get(1) * 1000));
              return Mono.delay(wait)
                  .then(Mono.defer(() -> acquire(set, id, permits, lease, attempt + 1)));
            });
  }

  /** The next look's wait: doubling from 10 ms to 200 ms, jittered, not past the earliest end. */
  static Duration wait(int attempt, Duration earliestEnd) {
    long grown = Math.min(FIRST_WAIT.toMillis() << Math.min(attempt, 10), LONGEST_WAIT.toMillis());
    long jittered = (long) (grown * (0.5 + ThreadLocalRandom.current().nextDouble()));
    long bounded = Math.min(jittered, Math.max(1, earliestEnd.toMillis() + 1));
    return Duration.ofMillis(Math.max(1, bounded));
  }

  private Mono<Void> release(String set, String id) {
    return script(set, new String[] {"release", id, "0", "0"})
        .onErrorResume(e -> Mono.empty())
        .then();
  }

  private Mono<List<Object>> script(String set, String[] args) {
    String[] keys = {set};
    return redis
        .<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args)
        .next()
        .onErrorResume(
            RedisNoScriptException.class,
            e -> redis.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args).next());
  }

  private static String seconds(Duration d) {
    return Double.toString(d.toMillis() / 1000.0);
  }

  @Override
  public void close() {
    connection.close();
  }

  private static String sha1(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
