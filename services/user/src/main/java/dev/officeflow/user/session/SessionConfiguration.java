package dev.officeflow.user.session;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.security.ApiRoutes;
import dev.officeflow.runtime.security.UserJwtSettings;
import dev.officeflow.runtime.security.UserJwts;
import dev.officeflow.user.session.web.JwksController;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * User JWTs: the signing keys, the issuer of tokens, the public key set, and the decoder the shared
 * security chain (services-common) checks this service's own {@code /v1/**} calls with. The decoder
 * checks against the configured keys themselves (any of them, by {@code kid}) rather than fetching
 * the key set over HTTP from this very process, and refuses the tokens of deleted users; issuer and
 * audience come from {@link UserJwtSettings}, the same setting every other service checks with, so
 * signer and checkers cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SessionSettings.class, UserJwtSettings.class})
@Import(JwksController.class)
class SessionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

  @Bean
  SigningKeys signingKeys(SessionSettings settings) {
    if (settings.keys().isEmpty()) {
      log.warn(
          "no officeflow.user.session.keys: signing user JWTs with a key generated at start (local"
              + " runs only: tokens die with the process, and replicas do not accept each other's)");
    }
    return SigningKeys.from(settings);
  }

  @Bean
  SessionTokens sessionTokens(
      SigningKeys keys, SessionSettings settings, UserJwtSettings jwt, Clock clock) {
    return new SessionTokens(keys, settings, jwt, clock);
  }

  /**
   * Replaces services-common's key-set decoder: same checks, this service's own keys, and the
   * forgotten-users record (services-common), so a deleted user's tokens are refused at once.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      SigningKeys keys, UserJwtSettings settings, Clock clock, ForgottenUsers forgotten) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSource(
                jwt ->
                    Flux.fromIterable(
                        new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()))
                            .select(keys.all())))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(UserJwts.validator(settings, clock));
    return UserJwts.refusingForgotten(decoder, forgotten);
  }

  /** Other services' resource servers fetch the key set without a token. */
  @Bean
  ApiRoutes keySetRoute() {
    return exchanges -> exchanges.pathMatchers(HttpMethod.GET, JwksController.PATH).permitAll();
  }
}
