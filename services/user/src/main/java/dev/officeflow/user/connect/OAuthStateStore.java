package dev.officeflow.user.connect;

import dev.officeflow.runtime.config.RuntimeProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authorizations in progress, in Redis under a hash of their {@code state}: written once with a
 * TTL, taken out atomically ({@code GETDEL}), so a state works exactly once even when two callbacks
 * race on different instances.
 */
@Component
class OAuthStateStore implements DisposableBean {

  private static final String PREFIX = "user:oauth-state:";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  OAuthStateStore(RuntimeProperties runtime) {
    this.client = RedisClient.create(runtime.redis().url());
    this.connection = client.connect();
  }

  /** Stores a new state; fails if it somehow exists already. */
  Mono<Void> save(String state, OAuthState value, Duration ttl) {
    return connection
        .reactive()
        .set(key(state), value.encode(), SetArgs.Builder.nx().px(ttl.toMillis()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("OAuth state collision")))
        .then();
  }

  /** Takes the state out: empty when unknown, already used, or past its Redis TTL. */
  Mono<OAuthState> take(String state) {
    return connection.reactive().getdel(key(state)).map(OAuthState::decode);
  }

  /** Redis's answer to PING, for the health check. */
  Mono<String> ping() {
    return connection.reactive().ping();
  }

  private static String key(String state) {
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Pkce.sha256(state));
  }

  @Override
  public void destroy() {
    connection.close();
    client.shutdown();
  }
}
