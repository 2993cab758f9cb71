package dev.officeflow.runtime.security;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.web.ProblemCodes;
import dev.officeflow.runtime.web.Problems;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security chains of every service that has Spring Security (those with user-facing routes):
 * {@code /internal/**} in a chain of its own that the runtime's {@link ServiceCredentialWebFilter}
 * guards, and everything else in a user-JWT resource server with the service's {@link ApiRoutes}.
 * Stateless, no sessions, no CSRF (no cookies authenticate), every refusal a problem.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ServerHttpSecurity.class, ReactiveJwtDecoder.class})
@EnableWebFluxSecurity
@EnableConfigurationProperties(UserJwtSettings.class)
public class WebSecurityAutoConfiguration {

  /** The user-JWT chain's bean name: where it exists, routes outside {@code /internal} need one. */
  public static final String USER_CHAIN = "userSecurityChain";

  private static final String[] OPEN_ACTUATOR = {
    "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"
  };

  /** The service's OpenAPI document: it describes the API, not anyone's data. */
  private static final String[] OPEN_API_DOCUMENT = {"/v3/api-docs", "/v3/api-docs/**"};

  /**
   * {@code /internal/**} outside the JWT chain: a bearer resource server reads every {@code
   * Authorization: Bearer} header as a JWT, even on permitted paths, and would answer 401 to a
   * service credential. The service-credential filter, which runs before any chain, guards them.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain internalSecurityChain(ServerHttpSecurity http) {
    return stateless(http)
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/internal/**"))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder userJwtDecoder(
      UserJwtSettings settings, Clock clock, ObjectProvider<ForgottenUsers> forgotten) {
    return UserJwts.fromKeySet(settings, clock, forgotten.getIfAvailable());
  }

  @Bean(USER_CHAIN)
  @Order(Ordered.LOWEST_PRECEDENCE - 100)
  SecurityWebFilterChain userSecurityChain(
      ServerHttpSecurity http, ReactiveJwtDecoder decoder, ObjectProvider<ApiRoutes> routes) {
    ServerAuthenticationEntryPoint unauthorized = WebSecurityAutoConfiguration::unauthorized;
    ServerAccessDeniedHandler forbidden =
        (exchange, e) ->
            Problems.write(
                exchange,
                Problems.of(
                    HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN, "this token may not do that"));
    return stateless(http)
        .authorizeExchange(
            exchanges -> {
              exchanges.pathMatchers(HttpMethod.GET, OPEN_ACTUATOR).permitAll();
              exchanges.pathMatchers(HttpMethod.GET, OPEN_API_DOCUMENT).permitAll();
              routes.orderedStream().forEach(rules -> rules.authorize(exchanges));
              exchanges.anyExchange().authenticated();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtDecoder(decoder))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .build();
  }

  private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
  }

  /** RFC 6750's challenge beside the problem: what a client library looks for. */
  private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
    boolean invalid = e instanceof InvalidBearerTokenException;
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
    String detail =
        invalid
            ? "the user token is not valid: " + e.getMessage()
            : "a valid user token is required";
    return Problems.write(
        exchange, Problems.of(HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHORIZED, detail));
  }
}
