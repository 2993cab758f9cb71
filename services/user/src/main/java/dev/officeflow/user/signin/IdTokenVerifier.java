package dev.officeflow.user.signin;

import dev.officeflow.user.google.GoogleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Checks Google ID tokens as OpenID Connect prescribes: an RS256 signature by a key of Google's key
 * set (fetched over HTTP without blocking, fetched again when a token names a key it does not hold,
 * as after Google rotates), an issuer Google uses, this application's client id among the
 * audiences, not expired by the injected clock (30 s of skew), and a verified address. Every
 * refusal is an {@link InvalidIdTokenException} that says which check failed; a key set that cannot
 * be fetched is not the token's fault and fails otherwise. Thread-safe.
 */
final class IdTokenVerifier {

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final ReactiveJwtDecoder decoder;
  private final String keySet;
  private final Duration timeout;

  IdTokenVerifier(GoogleSettings settings, WebClient http, Clock clock) {
    NimbusReactiveJwtDecoder nimbus =
        NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetEndpoint())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .webClient(http)
            .build();
    nimbus.setJwtValidator(validator(settings, clock));
    this.decoder = nimbus;
    this.keySet = settings.jwkSetEndpoint();
    this.timeout = settings.timeout();
  }

  /** The identity the token vouches for, or an {@link InvalidIdTokenException} saying why not. */
  Mono<GoogleIdentity> verify(String idToken) {
    return decoder
        .decode(idToken)
        .timeout(timeout)
        .map(jwt -> new GoogleIdentity(jwt.getSubject(), jwt.getClaimAsString("email")))
        .onErrorMap(JwtValidationException.class, IdTokenVerifier::refused)
        .onErrorMap(
            e -> e instanceof BadJwtException,
            e ->
                new InvalidIdTokenException(
                    "the id_token is not a JWT that the provider's keys ("
                        + keySet
                        + ") verify: "
                        + e.getMessage(),
                    e));
  }

  private static InvalidIdTokenException refused(JwtValidationException e) {
    String why =
        e.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
    return new InvalidIdTokenException(why, e);
  }

  static OAuth2TokenValidator<Jwt> validator(GoogleSettings settings, Clock clock) {
    return new DelegatingOAuth2TokenValidator<>(
        issuer(settings.issuers()),
        audience(settings.clientId()),
        unexpired(clock),
        IdTokenVerifier::verifiedEmail);
  }

  private static OAuth2TokenValidator<Jwt> issuer(List<String> issuers) {
    return jwt -> {
      String iss = jwt.getClaimAsString(JwtClaimNames.ISS);
      return issuers.contains(iss)
          ? OAuth2TokenValidatorResult.success()
          : failure("the id_token was issued by '" + iss + "', not by " + issuers);
    };
  }

  private static OAuth2TokenValidator<Jwt> audience(String clientId) {
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(clientId)
            ? OAuth2TokenValidatorResult.success()
            : failure(
                "the id_token is meant for "
                    + jwt.getAudience()
                    + ", not for this application's client id");
  }

  private static OAuth2TokenValidator<Jwt> unexpired(Clock clock) {
    return jwt -> {
      Instant expires = jwt.getExpiresAt();
      if (expires == null) {
        return failure("the id_token has no expiry (exp)");
      }
      return clock.instant().minus(CLOCK_SKEW).isBefore(expires)
          ? OAuth2TokenValidatorResult.success()
          : failure("the id_token expired at " + expires);
    };
  }

  private static OAuth2TokenValidatorResult verifiedEmail(Jwt jwt) {
    String email = jwt.getClaimAsString("email");
    boolean verified = Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified"));
    return email != null && email.contains("@") && verified
        ? OAuth2TokenValidatorResult.success()
        : failure("the id_token carries no verified email address");
  }

  private static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
