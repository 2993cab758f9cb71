package dev.officeflow.user.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. {@code /v1/**} takes a user JWT issued here (checked against this service's
 * own key: signature, issuer, audience, expiry by the injected clock). {@code /internal/**} is left
 * to the runtime's service-credential filter, which runs before these chains. The OAuth callback is
 * open because Google's redirect carries no JWT: its single-use state authenticates it.
 */
@Configuration
@EnableWebFluxSecurity
class SessionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

  @Bean
  RSAKey signingKey(SessionSettings settings) {
    if (settings.privateKey().isBlank()) {
      log.warn("no officeflow.session.private-key: signing user JWTs with a generated key");
    }
    return SigningKey.from(settings);
  }

  @Bean
  SessionTokens sessionTokens(RSAKey signingKey, SessionSettings settings, Clock clock) {
    return new SessionTokens(signingKey, settings, clock);
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(RSAKey signingKey, SessionSettings settings, Clock clock)
      throws JOSEException {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withPublicKey(signingKey.toRSAPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
    expiry.setClock(clock);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            expiry,
            new JwtIssuerValidator(settings.issuer()),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience()))));
    return decoder;
  }

  /**
   * {@code /internal/**} outside the JWT chain entirely: a bearer resource server tries to read
   * every {@code Authorization: Bearer} header as a JWT, even on permitted paths, and would turn a
   * valid service credential into a 401.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain internalChain(ServerHttpSecurity http) {
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/internal/**"))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }

  @Bean
  SecurityWebFilterChain securityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/actuator/**")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/v1/integrations/*/callback")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/v1/dev/session")
                    .permitAll()
                    .anyExchange()
                    .authenticated())
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtDecoder(decoder)))
        .build();
  }
}
