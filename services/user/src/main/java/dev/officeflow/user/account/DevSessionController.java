package dev.officeflow.user.account;

import dev.officeflow.user.UserApiException;
import dev.officeflow.user.session.SessionTokens;
import dev.officeflow.user.session.SessionTokens.SessionToken;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Demo login for local runs: {@code POST /v1/dev/session {"email": ...}} creates (or finds) the
 * user and returns a user JWT without any password. It exists only with {@code
 * officeflow.dev.sessions-enabled=true} (the {@code dev} profile); otherwise the path is 404.
 */
@RestController
@ConditionalOnBooleanProperty("officeflow.dev.sessions-enabled")
class DevSessionController {

  /** Body of the demo login. */
  record SessionRequest(@Nullable String email) {}

  /** A demo session (snake_case JSON). */
  record Session(String accessToken, String tokenType, long expiresIn, String userId) {

    @Override
    public String toString() {
      return "Session[accessToken=<redacted>, userId=" + userId + "]";
    }
  }

  private final UserStore users;
  private final SessionTokens tokens;
  private final Clock clock;

  DevSessionController(UserStore users, SessionTokens tokens, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
  }

  @PostMapping("/v1/dev/session")
  Mono<Session> session(@RequestBody SessionRequest request) {
    String email = request.email();
    if (email == null || !email.contains("@")) {
      return Mono.error(
          new UserApiException(
              HttpStatus.BAD_REQUEST, "invalid_request", "email must be an email address"));
    }
    return users.findOrCreate(email).map(user -> session(user, tokens.issue(user.id())));
  }

  private Session session(User user, SessionToken token) {
    long seconds = Duration.between(clock.instant(), token.expiresAt()).toSeconds();
    return new Session(token.token(), "Bearer", seconds, user.id().toString());
  }
}
