package dev.officeflow.runtime.security;

import dev.officeflow.runtime.forget.ForgottenUsers;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The one check of a user JWT (ARCHITECTURE §8): RS256, issuer, an audience that contains ours, not
 * expired by the injected clock (30 s of skew). Services get a decoder against the user service's
 * key set; the user service builds its own against its own key with {@link #validator}.
 */
public final class UserJwts {

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private UserJwts() {}

  public static OAuth2TokenValidator<Jwt> validator(UserJwtSettings settings, Clock clock) {
    JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
    expiry.setClock(clock);
    return new DelegatingOAuth2TokenValidator<>(
        expiry, new JwtIssuerValidator(settings.issuer()), audience(settings.audience()));
  }

  /**
   * A decoder against the user service's JWKS that remembers what it accepted and refuses the
   * tokens of users this service has forgotten (when it keeps that record).
   */
  public static ReactiveJwtDecoder fromKeySet(
      UserJwtSettings settings, Clock clock, @Nullable ForgottenUsers forgotten) {
    if (settings.jwkSetUri().isBlank()) {
      throw new IllegalStateException(
          "officeflow.security.user-jwt.jwk-set-uri is not set: where the user service's keys are"
              + " (USER_JWKS_URI)");
    }
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(settings, clock));
    return refusingForgotten(
        new AcceptedTokens(decoder, clock, settings.acceptedTokens()), forgotten);
  }

  /**
   * {@code decoder}, and then a check that the token's user is not forgotten: a deleted user's
   * token is refused before it expires (also when {@code decoder} remembered accepting it).
   */
  public static ReactiveJwtDecoder refusingForgotten(
      ReactiveJwtDecoder decoder, @Nullable ForgottenUsers forgotten) {
    if (forgotten == null) {
      return decoder;
    }
    return token ->
        decoder
            .decode(token)
            .flatMap(
                jwt ->
                    forgotten
                        .isForgotten(jwt.getSubject())
                        .flatMap(
                            gone ->
                                gone
                                    ? Mono.error(
                                        new BadJwtException("the token's user has been deleted"))
                                    : Mono.just(jwt)));
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    OAuth2Error missing =
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_TOKEN, "the token is not meant for " + audience, null);
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(missing);
  }
}
