package dev.officeflow.user.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
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

/**
 * User JWTs: the signing key, the issuer of tokens, the public key set, and the decoder the shared
 * security chain (services-common) checks this service's own {@code /v1/**} calls with. The decoder
 * checks against the signing key itself rather than fetching the key set over HTTP from this very
 * process; issuer and audience come from {@link UserJwtSettings}, the same setting every other
 * service checks with, so signer and checkers cannot drift apart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SessionSettings.class, UserJwtSettings.class})
@Import(JwksController.class)
class SessionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

  @Bean
  RSAKey signingKey(SessionSettings settings) {
    if (settings.privateKey().isBlank()) {
      log.warn("no officeflow.user.session.private-key: signing user JWTs with a generated key");
    }
    return SigningKey.from(settings);
  }

  @Bean
  SessionTokens sessionTokens(
      RSAKey signingKey, SessionSettings settings, UserJwtSettings jwt, Clock clock) {
    return new SessionTokens(signingKey, settings, jwt, clock);
  }

  /** Replaces services-common's key-set decoder: same checks, this service's own key. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(RSAKey signingKey, UserJwtSettings settings, Clock clock)
      throws JOSEException {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withPublicKey(signingKey.toRSAPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(UserJwts.validator(settings, clock));
    return decoder;
  }

  /** Other services' resource servers fetch the key set without a token. */
  @Bean
  ApiRoutes keySetRoute() {
    return exchanges -> exchanges.pathMatchers(HttpMethod.GET, JwksController.PATH).permitAll();
  }
}
