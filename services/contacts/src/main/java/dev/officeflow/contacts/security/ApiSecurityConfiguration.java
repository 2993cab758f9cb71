package dev.officeflow.contacts.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The onboarding API requires a user JWT from the user service: RS256, signed by a key of its JWKS,
 * issuer and audience checked, not expired. Health and metrics stay open; {@code /internal/**} is
 * left to the service-credential filter of the shared runtime, in a chain of its own. The VIP
 * page's static files ({@code GET /vip/**}) are public: the page carries no data and sends the
 * user's token itself to the API. Failures answer JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSecuritySettings.class)
public class ApiSecurityConfiguration {

  /**
   * {@code /internal/**} outside the JWT chain: its resource server reads every {@code
   * Authorization: Bearer} header as a JWT, even on permitted paths, and would answer 401 to a
   * service credential. The runtime's service-credential filter, which runs before any chain, is
   * what guards these paths.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain internalSecurity(ServerHttpSecurity http) {
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
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
    ServerAuthenticationEntryPoint unauthorized =
        (exchange, e) ->
            write(
                exchange.getResponse(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "a valid user token is required");
    ServerAccessDeniedHandler forbidden =
        (exchange, e) ->
            write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden", "not allowed");
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .authorizeExchange(
            auth ->
                auth.pathMatchers(
                        "/actuator/health/**",
                        "/actuator/health",
                        "/actuator/info",
                        "/actuator/prometheus")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/vip/**")
                    .permitAll()
                    .pathMatchers("/onboarding/**")
                    .authenticated()
                    .anyExchange()
                    .denyAll())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtDecoder(decoder))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .build();
  }

  @Bean
  ReactiveJwtDecoder userJwtDecoder(ApiSecuritySettings settings, Clock clock) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            audience(settings.audience())));
    return new DecodedTokens(decoder, clock, settings.acceptedTokens());
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    OAuth2Error missing =
        new OAuth2Error("invalid_token", "the token is not meant for " + audience, null);
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(missing);
  }

  private static Mono<Void> write(
      ServerHttpResponse response, HttpStatus status, String error, String message) {
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}";
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }
}
