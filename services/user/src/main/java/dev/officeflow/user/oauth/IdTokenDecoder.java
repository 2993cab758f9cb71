package dev.officeflow.user.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Checks an OpenID Connect ID token the way every provider's must be checked: an RS256 signature by
 * a key of the provider's key set (fetched over HTTP without blocking, fetched again when a token
 * names a key it does not hold, as after a rotation), not expired by the injected clock (30 s of
 * skew), the audience containing this application's client id, and the provider's own checks
 * (issuer, verified address, nonce). Every refusal is an {@link InvalidIdTokenException} that says
 * which check failed; a key set that cannot be fetched is not the token's fault and fails with the
 * decoder's {@code JwtException} or a timeout. Thread-safe.
 */
public final class IdTokenDecoder {

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private final NimbusReactiveJwtDecoder decoder;
  private final String keySet;
  private final Duration timeout;

  /**
   * @param checks the provider's own checks, after audience and expiry
   */
  public IdTokenDecoder(
      String jwkSetUri,
      String clientId,
      List<OAuth2TokenValidator<Jwt>> checks,
      WebClient http,
      Clock clock,
      Duration timeout) {
    this.decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .webClient(http)
            .build();
    List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
    all.add(audience(clientId));
    all.add(unexpired(clock));
    all.addAll(checks);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(all));
    this.keySet = jwkSetUri;
    this.timeout = timeout;
  }

  /** The token's claims once every check passed, or an {@link InvalidIdTokenException}. */
  public Mono<Jwt> decode(String idToken) {
    return decoder
        .decode(idToken)
        .timeout(timeout)
        .onErrorMap(JwtValidationException.class, IdTokenDecoder::refused)
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

  /** A check's failure, described for the person signing in. */
  public static OAuth2TokenValidatorResult failure(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }

  private static InvalidIdTokenException refused(JwtValidationException e) {
    String why =
        e.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
    return new InvalidIdTokenException(why, e);
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
}
