package dev.officeflow.user.session;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.runtime.web.ProblemCodes;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The user a validated JWT speaks for: every {@code /v1/**} query is scoped to it. */
public final class CurrentUser {

  private CurrentUser() {}

  /**
   * The token's subject; a token whose subject is not a user id is refused like any other invalid
   * token (401 {@code unauthorized}).
   */
  public static String id(Jwt jwt) {
    return UserIds.parse(jwt.getSubject())
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.UNAUTHORIZED,
                    ProblemCodes.UNAUTHORIZED,
                    "the token's subject is not a user id"));
  }
}
