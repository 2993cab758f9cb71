package dev.officeflow.user.signin.web;

import dev.officeflow.user.signin.SignedIn;
import java.time.Duration;
import java.time.Instant;

/** A user JWT as the sign-in routes answer it (snake_case JSON). */
record Session(String accessToken, String tokenType, long expiresIn, String userId) {

  /** The answer for {@code signedIn}, its {@code expires_in} counted from {@code now}. */
  static Session of(SignedIn signedIn, Instant now) {
    return new Session(
        signedIn.token().token(),
        "Bearer",
        Duration.between(now, signedIn.token().expiresAt()).toSeconds(),
        signedIn.user().id().toString());
  }

  @Override
  public String toString() {
    return "Session[accessToken=<redacted>, userId=" + userId + "]";
  }
}
