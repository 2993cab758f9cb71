package dev.officeflow.user.account.store;

import dev.officeflow.user.account.User;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@code users} table. */
public class UserStore {

  private final DatabaseClient db;
  private final Clock clock;

  public UserStore(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The user with this address (compared in lower case), created if there is none. */
  public Mono<User> findOrCreate(String email) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    return db.sql(
            """
            INSERT INTO users (id, email, created_at, updated_at) VALUES (:id, :email, :now, :now)
            ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
            RETURNING id, email, created_at
            """)
        .bind("id", UUID.randomUUID())
        .bind("email", email.trim().toLowerCase(Locale.ROOT))
        .bind("now", now)
        .map(UserStore::user)
        .one();
  }

  /** Empty when there is no such user. */
  public Mono<User> find(UUID id) {
    return db.sql("SELECT id, email, created_at FROM users WHERE id = :id")
        .bind("id", id)
        .map(UserStore::user)
        .one();
  }

  /** Deletes the user; integrations, tokens and audit rows go with it (foreign keys cascade). */
  public Mono<Long> delete(UUID id) {
    return db.sql("DELETE FROM users WHERE id = :id").bind("id", id).fetch().rowsUpdated();
  }

  private static User user(Readable row) {
    return new User(
        row.get("id", UUID.class),
        row.get("email", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }
}
