package dev.officeflow.user.account;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.store.UserStore;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** The people the service knows, as other features and this one's endpoints look them up. */
public class Users {

  private final UserStore store;

  Users(UserStore store) {
    this.store = store;
  }

  /** Empty when there is no such user. */
  public Mono<User> find(UUID id) {
    return store.find(id);
  }

  /** The user, or 404 {@code user_not_found} (deleted, or never existed). */
  public Mono<User> get(UUID id) {
    return store.find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
  }

  /** The user with this address (compared in lower case), created if there is none. */
  public Mono<User> findOrCreate(String email) {
    return store.findOrCreate(email);
  }

  static ApiException notFound(UUID id) {
    return new ApiException(HttpStatus.NOT_FOUND, "user_not_found", "no user " + id);
  }
}
