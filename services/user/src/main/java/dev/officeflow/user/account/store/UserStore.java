package dev.officeflow.user.account.store;

import dev.officeflow.user.account.User;
import dev.officeflow.user.session.UserIds;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
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
        .bind("id", UserIds.random())
        .bind("email", normalized(email))
        .bind("now", now)
        .map(UserStore::user)
        .one();
  }

  /**
   * Creates the user with this id, address (in lower case) and creation time; empty, changing
   * nothing, when the id or the address is taken already.
   */
  public Mono<User> insert(String id, String email, Instant createdAt) {
    return db.sql(
            """
            INSERT INTO users (id, email, created_at, updated_at)
            VALUES (:id, :email, :created, :now)
            ON CONFLICT DO NOTHING
            RETURNING id, email, created_at
            """)
        .bind("id", id)
        .bind("email", normalized(email))
        .bind("created", createdAt.atOffset(ZoneOffset.UTC))
        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
        .map(UserStore::user)
        .one();
  }

  /** Empty when no user has this address (compared in lower case). */
  public Mono<User> findByEmail(String email) {
    return db.sql("SELECT id, email, created_at FROM users WHERE email = :email")
        .bind("email", normalized(email))
        .map(UserStore::user)
        .one();
  }

  /** Empty when there is no such user. */
  public Mono<User> find(String id) {
    return db.sql("SELECT id, email, created_at FROM users WHERE id = :id")
        .bind("id", id)
        .map(UserStore::user)
        .one();
  }

  /** Deletes the user; integrations, tokens and audit rows go with it (foreign keys cascade). */
  public Mono<Long> delete(String id) {
    return db.sql("DELETE FROM users WHERE id = :id").bind("id", id).fetch().rowsUpdated();
  }

  /** How addresses are kept: trimmed, in lower case, so one person is one user. */
  public static String normalized(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static User user(Readable row) {
    return new User(
        row.get("id", String.class),
        row.get("email", String.class),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }
}
