package dev.officeflow.user.session;

import dev.officeflow.user.UserApiException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The user a validated JWT speaks for: every {@code /v1/**} query is scoped to it. */
public final class CurrentUser {

  private CurrentUser() {}

  public static UUID id(Jwt jwt) {
    try {
      return UUID.fromString(jwt.getSubject());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UserApiException(
          HttpStatus.UNAUTHORIZED, "invalid_token", "the token's subject is not a user id");
    }
  }
}
