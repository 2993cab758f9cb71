package dev.officeflow.user.connect.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * Authorizations in progress, in Redis under a hash of their {@code state} (so Redis never holds a
 * usable state): written once with a TTL, taken out atomically ({@code GETDEL}), so a state works
 * exactly once even when two callbacks race on different instances. Opens its own connection from
 * the process's one Redis client and closes it with the context.
 */
public class OAuthStateStore implements AutoCloseable {

  private static final String PREFIX = "user:oauth-state:";

  private final StatefulRedisConnection<String, String> connection;

  public OAuthStateStore(RedisClient redis) {
    this.connection = redis.connect();
  }

  /** Stores a new state; fails if it somehow exists already. */
  public Mono<Void> save(String state, OAuthState value, Duration ttl) {
    return connection
        .reactive()
        .set(key(state), value.encode(), SetArgs.Builder.nx().px(ttl.toMillis()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("OAuth state collision")))
        .then();
  }

  /**
   * Takes the state out: empty when unknown, already used, past its Redis TTL, or written by an
   * older version (before a deploy, with a shape this one no longer reads).
   */
  public Mono<OAuthState> take(String state) {
    return connection
        .reactive()
        .getdel(key(state))
        .handle(
            (value, sink) -> {
              try {
                sink.next(OAuthState.decode(value));
              } catch (IllegalArgumentException olderOrCorrupt) {
                sink.complete();
              }
            });
  }

  /** Redis's answer to PING, for the health check. */
  public Mono<String> ping() {
    return connection.reactive().ping();
  }

  private static String key(String state) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
