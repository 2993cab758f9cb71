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
import reactor.core.publisher.Mono;

/**
 * A per-user token bucket for each provider API, in Redis so every office instance draws from the
 * same budget. {@link #paced} reserves a call's cost atomically (a Lua script on Redis' own clock),
 * waits until the reservation is due, makes the call and then releases it: callers queue in
 * reservation order and never poll, and the bucket is spent as fast as Google refills it, no
 * faster. Thread-safe.
 *
 * <p>While a call is in flight its cost is also held out of the bucket's capacity. Google charges a
 * call when it arrives, which may be well after it was reserved (a slow network, a stalled
 * process); without this, our bucket would refill to full in the meantime while Google's, full
 * already, could not, and the next calls would overdraw Google's.
 */
public final class QuotaLimiter implements AutoCloseable {

  /**
   * KEYS[1] the bucket; ARGV rate/s, capacity, cost, mode ({@code acquire} or {@code release}). The
   * balance may go negative: time already promised to earlier callers, which a new caller waits
   * for. {@code inflight} (reserved, not yet answered) lowers the refill ceiling; it is forgotten
   * when the bucket has been idle for two minutes (a caller that died never releases).
   */
  static final String SCRIPT =
      """
      local now = redis.call('TIME')
      local t = tonumber(now[1]) + tonumber(now[2]) / 1000000
      local rate = tonumber(ARGV[1])
      local capacity = tonumber(ARGV[2])
      local cost = tonumber(ARGV[3])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'inflight')
      local tokens = tonumber(state[1])
      local at = tonumber(state[2])
      local inflight = tonumber(state[3]) or 0
      if tokens == nil or at == nil then
        tokens = capacity
        at = t
      end
      if t - at > 120 then
        inflight = 0
      end
      if t > at then
        tokens = math.min(math.max(capacity - inflight, tokens), tokens + (t - at) * rate)
        at = t
      end
      local wait = 0
      if ARGV[4] == 'acquire' then
        tokens = tokens - cost
        inflight = inflight + cost
        if tokens < 0 then
          wait = math.ceil(-tokens / rate * 1000000)
        end
      else
        inflight = math.max(0, inflight - cost)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at),
        'inflight', tostring(inflight))
      redis.call('EXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 180)
      return wait
      """;

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;
  private final QuotaSettings settings;
  private final String sha;

  /** Opens a connection of the process's Redis client; closing the limiter closes only that. */
  public QuotaLimiter(RedisClient redis, QuotaSettings settings) {
    this.connection = redis.connect();
    this.redis = connection.reactive();
    this.settings = settings;
    this.sha = sha1(SCRIPT);
  }

  /**
   * Makes {@code call} once {@code cost} of the user's {@code api} budget is reserved for it, and
   * releases the reservation when the call has been answered (or failed, or was cancelled).
   */
  public <T> Mono<T> paced(String userId, QuotaBudget api, int cost, Mono<T> call) {
    return Mono.usingWhen(
        acquire(userId, api, cost),
        waited -> call,
        waited -> release(userId, api, cost),
        (waited, error) -> release(userId, api, cost),
        waited -> release(userId, api, cost));
  }

  /** Reserves {@code cost}; completes, with the time waited, when the call may be made. */
  Mono<Duration> acquire(String userId, QuotaBudget api, int cost) {
    return script(userId, api, cost, "acquire")
        .flatMap(
            wait -> {
              Duration delay = Duration.ofNanos(wait * 1000);
              return wait <= 0 ? Mono.just(Duration.ZERO) : Mono.delay(delay).thenReturn(delay);
            });
  }

  /** The call reserved with {@code cost} has been answered: Google has charged it. */
  Mono<Void> release(String userId, QuotaBudget api, int cost) {
    return script(userId, api, cost, "release").onErrorResume(e -> Mono.empty()).then();
  }

  private Mono<Long> script(String userId, QuotaBudget api, int cost, String mode) {
    String key = settings.keyPrefix() + api.name() + ":" + userId;
    String[] args = {
      Double.toString(settings.ratePerSecond(api)),
      Double.toString(settings.capacity(api)),
      Integer.toString(cost),
      mode
    };
    String[] keys = {key};
    return redis
        .<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args)
        .next()
        .onErrorResume(
            RedisNoScriptException.class,
            e -> redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, args).next());
  }

  /** The largest cost one call may have: more than the bucket holds could never be granted. */
  public int maxCost(QuotaBudget api) {
    return (int) Math.floor(settings.capacity(api));
  }

  public QuotaSettings settings() {
    return settings;
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
