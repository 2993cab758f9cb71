package dev.officeflow.user.signin;

import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.oauth.InvalidIdTokenException;
import dev.officeflow.user.session.SessionTokens;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtException;
import reactor.core.publisher.Mono;

/**
 * "Sign in with Google" and "Sign in with Microsoft": a provider's ID token, once its checks
 * passed, signs in the user with the address it vouches for (created on the first sign-in), who
 * gets this service's own user JWT. What differs per provider is only how the token is checked.
 */
public final class ProviderSignIn {

  /** The problem code of every refused ID token. */
  public static final String INVALID_ID_TOKEN = "invalid_id_token";

  private final String provider;
  private final String displayName;
  private final Function<String, Mono<String>> verifiedAddress;
  private final Users users;
  private final SessionTokens tokens;

  /**
   * @param verifiedAddress the address an ID token vouches for, or an {@link
   *     InvalidIdTokenException} saying which check failed
   */
  ProviderSignIn(
      String provider,
      String displayName,
      Function<String, Mono<String>> verifiedAddress,
      Users users,
      SessionTokens tokens) {
    this.provider = provider;
    this.displayName = displayName;
    this.verifiedAddress = verifiedAddress;
    this.users = users;
    this.tokens = tokens;
  }

  public String provider() {
    return provider;
  }

  /**
   * Fails with 401 {@code invalid_id_token} (forged, expired, for another client, issuer or tenant,
   * without a verified address; the detail says which), or 502 {@code provider_unavailable} when
   * the provider's keys cannot be fetched.
   */
  public Mono<SignedIn> signIn(String idToken) {
    return Mono.defer(() -> verifiedAddress.apply(idToken))
        .onErrorMap(InvalidIdTokenException.class, this::refused)
        .onErrorMap(e -> e instanceof JwtException || e instanceof TimeoutException, this::down)
        .flatMap(users::findOrCreate)
        .map(user -> new SignedIn(user, tokens.issue(user.id())));
  }

  private ApiException refused(InvalidIdTokenException e) {
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        INVALID_ID_TOKEN,
        displayName + " sign-in refused: " + e.getMessage(),
        Map.of("provider", provider));
  }

  private ApiException down(Throwable e) {
    return new ApiException(
        HttpStatus.BAD_GATEWAY,
        "provider_unavailable",
        displayName + "'s signing keys could not be fetched to check the id_token; try again",
        Map.of("provider", provider));
  }
}
