package dev.officeflow.user.account;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.store.UserStore;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** The people the service knows, as other features and this one's endpoints look them up. */
public class Users {

  private final UserStore store;

  Users(UserStore store) {
    this.store = store;
  }

  /** Empty when there is no such user. */
  public Mono<User> find(String id) {
    return store.find(id);
  }

  /** The user, or 404 {@code user_not_found} (deleted, or never existed). */
  public Mono<User> get(String id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** Empty when no user has this address (compared in lower case). */
  public Mono<User> findByEmail(String email) {
    return store.findByEmail(email);
  }

  /**
   * Creates a user with a given id (an import keeps the id its user had elsewhere); empty, changing
   * nothing, when the id or the address is taken already.
   */
  public Mono<User> create(String id, String email, Instant createdAt) {
    return store.insert(id, email, createdAt);
  }

  /** The user with this address (compared in lower case), created if there is none. */
  public Mono<User> findOrCreate(String email) {
    return store.findOrCreate(email);
  }

  /** How addresses are kept and compared: trimmed, in lower case. */
  public static String normalized(String email) {
    return UserStore.normalized(email);
  }

  static ApiException notFound(String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "user_not_found", "no user " + id);
  }
}
