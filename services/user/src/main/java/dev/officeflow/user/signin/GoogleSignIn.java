package dev.officeflow.user.signin;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.session.SessionTokens;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/**
 * "Sign in with Google": a Google ID token, once verified, signs in the user with its verified
 * address (created on the first sign-in), who gets this service's own user JWT.
 */
public class GoogleSignIn {

  /** The problem code of every refused ID token. */
  public static final String INVALID_ID_TOKEN = "invalid_id_token";

  private final IdTokenVerifier verifier;
  private final Users users;
  private final SessionTokens tokens;

  GoogleSignIn(IdTokenVerifier verifier, Users users, SessionTokens tokens) {
    this.verifier = verifier;
    this.users = users;
    this.tokens = tokens;
  }

  /**
   * Fails with 401 {@code invalid_id_token} (forged, expired, for another client or issuer, without
   * a verified address; the detail says which), or 502 {@code provider_unavailable} when Google's
   * keys cannot be fetched.
   */
  public Mono<SignedIn> signIn(String idToken) {
    return verifier
        .verify(idToken)
        .onErrorMap(InvalidIdTokenException.class, GoogleSignIn::refused)
        .onErrorMap(
            e -> e instanceof JwtException || e instanceof TimeoutException,
            GoogleSignIn::unavailable)
        .flatMap(identity -> users.findOrCreate(identity.email()))
        .map(user -> new SignedIn(user, tokens.issue(user.id())));
  }

  private static ApiException refused(InvalidIdTokenException e) {
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        INVALID_ID_TOKEN,
        "Google sign-in refused: " + e.getMessage(),
        Map.of("provider", "google"));
  }

  private static ApiException unavailable(Throwable e) {
    return new ApiException(
        HttpStatus.BAD_GATEWAY,
        "provider_unavailable",
        "Google's signing keys could not be fetched to check the id_token; try again",
        Map.of("provider", "google"));
  }
}
