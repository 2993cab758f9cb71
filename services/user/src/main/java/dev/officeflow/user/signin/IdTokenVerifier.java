package dev.officeflow.user.signin;

import dev.officeflow.user.google.GoogleSettings;
import dev.officeflow.user.oauth.IdTokenDecoder;
import dev.officeflow.user.oauth.InvalidIdTokenException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Checks Google ID tokens: the shared checks ({@link IdTokenDecoder}: signature by a key of
 * Google's key set, this application's client id among the audiences, expiry), then an issuer
 * Google uses and a verified address. Thread-safe.
 */
final class IdTokenVerifier {

  private final IdTokenDecoder decoder;

  IdTokenVerifier(GoogleSettings settings, WebClient http, Clock clock) {
    this.decoder =
        new IdTokenDecoder(
            settings.jwkSetEndpoint(),
            settings.clientId(),
            List.of(issuer(settings.issuers()), IdTokenVerifier::verifiedEmail),
            http,
            clock,
            settings.timeout());
  }

  /** The identity the token vouches for, or an {@link InvalidIdTokenException} saying why not. */
  Mono<GoogleIdentity> verify(String idToken) {
    return decoder
        .decode(idToken)
        .map(jwt -> new GoogleIdentity(jwt.getSubject(), jwt.getClaimAsString("email")));
  }

  private static OAuth2TokenValidator<Jwt> issuer(List<String> issuers) {
    return jwt -> {
      String iss = jwt.getClaimAsString(JwtClaimNames.ISS);
      return issuers.contains(iss)
          ? OAuth2TokenValidatorResult.success()
          : IdTokenDecoder.failure("the id_token was issued by '" + iss + "', not by " + issuers);
    };
  }

  private static OAuth2TokenValidatorResult verifiedEmail(Jwt jwt) {
    String email = jwt.getClaimAsString("email");
    boolean verified = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
    return email != null && email.contains("@") && verified
        ? OAuth2TokenValidatorResult.success()
        : IdTokenDecoder.failure("the id_token carries no verified email address");
  }
}
