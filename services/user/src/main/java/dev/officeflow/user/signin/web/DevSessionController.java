package dev.officeflow.user.signin.web;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.session.SessionTokens;
import dev.officeflow.user.signin.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Demo login for local runs: {@code POST /v1/dev/session {"email": ...}} creates (or finds) the
 * user and returns a user JWT without any password. Registered only with {@code
 * officeflow.user.dev-session.enabled=true}, which only the local profile sets (production refuses
 * it; see {@code SignInConfiguration}); otherwise the path is 404.
 */
@RestController
@Tag(name = "session")
public class DevSessionController {

  /** The route, open without a token whether or not demo logins are on. */
  public static final String PATH = "/v1/dev/session";

  /** Body of the demo login. */
  record SessionRequest(@Nullable String email) {}

  private final Users users;
  private final SessionTokens tokens;
  private final Clock clock;

  DevSessionController(Users users, SessionTokens tokens, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
  }

  @PostMapping(PATH)
  @Operation(
      summary = "A user JWT for an email, without a password (demo logins, local runs only)",
      description =
          "Only with `officeflow.user.dev-session.enabled` (the local profile); otherwise 404.")
  @ApiResponse(responseCode = "200", description = "The session.", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "Not an email address: `invalid_request`.")
  @SecurityRequirements
  Mono<Session> session(@RequestBody SessionRequest request) {
    String email = request.email();
    if (email == null || !email.contains("@")) {
      return Mono.error(ApiException.invalid("email must be an email address"));
    }
    return users
        .findOrCreate(email)
        .map(user -> Session.of(new SignedIn(user, tokens.issue(user.id())), clock.instant()));
  }
}
