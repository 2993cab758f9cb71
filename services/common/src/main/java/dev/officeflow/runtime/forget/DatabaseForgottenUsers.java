package dev.officeflow.runtime.forget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The record in the service's own database ({@code forgotten_users}, created by services-common's
 * repeatable migration). A forgotten user is remembered in memory for good (forgetting is final); a
 * user found not forgotten only for {@link #NOT_FORGOTTEN_FOR}, so that a purge another instance
 * recorded is seen within seconds. Thread-safe.
 */
public final class DatabaseForgottenUsers implements ForgottenUsers {

  /** The table: the one place a purged user's id stays, so that nothing brings the user back. */
  public static final String TABLE = "forgotten_users";

  static final Duration NOT_FORGOTTEN_FOR = Duration.ofSeconds(2);
  private static final int MAX_USERS = 100_000;

  private final DatabaseClient db;
  private final Cache<String, Boolean> forgotten =
      Caffeine.newBuilder().maximumSize(MAX_USERS).build();
  private final Cache<String, Boolean> present =
      Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterWrite(NOT_FORGOTTEN_FOR).build();

  public DatabaseForgottenUsers(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> forget(String userId) {
    return db.sql(
            "INSERT INTO forgotten_users (user_id) VALUES (:user) ON CONFLICT (user_id) DO NOTHING")
        .bind("user", userId)
        .then()
        .doOnSuccess(
            done -> {
              forgotten.put(userId, Boolean.TRUE);
              present.invalidate(userId);
            });
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    if (forgotten.getIfPresent(userId) != null) {
      return Mono.just(true);
    }
    if (present.getIfPresent(userId) != null) {
      return Mono.just(false);
    }
    return db.sql("SELECT 1 FROM forgotten_users WHERE user_id = :user")
        .bind("user", userId)
        .map((row, meta) -> Boolean.TRUE)
        .one()
        .defaultIfEmpty(Boolean.FALSE)
        .doOnNext(found -> (found ? forgotten : present).put(userId, Boolean.TRUE));
  }
}
