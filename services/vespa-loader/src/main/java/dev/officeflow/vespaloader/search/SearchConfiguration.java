package dev.officeflow.vespaloader.search;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.security.UserJwtSettings;
import dev.officeflow.runtime.security.UserJwts;
import dev.officeflow.vespaloader.search.web.SearchController;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Unified search: {@code GET /v1/search} (a user JWT required, the shared default) over Vespa's
 * {@code /search/} with the caller's group.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
@Import(SearchController.class)
class SearchConfiguration {

  @Bean
  VespaSearchClient vespaSearchClient(WebClient.Builder builder, SearchSettings settings) {
    String base = settings.endpoint().toString();
    WebClient client =
        builder
            .clone()
            .baseUrl(base.endsWith("/") ? base : base + "/")
            .codecs(
                codecs ->
                    codecs
                        .defaultCodecs()
                        .maxInMemorySize((int) settings.maxResponseSize().toBytes()))
            .build();
    return new VespaSearchClient(client, settings.timeout());
  }

  /**
   * services-common's user-JWT check, with one difference: when the record of forgotten users (in
   * Vespa) cannot be read, the request is answered 503 {@code search_unavailable} instead of 500.
   * The check asks Vespa whether the token's user was purged, and a Vespa outage is an outage, not
   * a bug; a refused token (bad, expired, a purged user's) stays 401. Belongs in services-common's
   * {@code UserJwts} for every service; here until it is.
   */
  @Bean
  ReactiveJwtDecoder searchUserJwtDecoder(
      UserJwtSettings settings, Clock clock, ForgottenUsers forgotten) {
    ReactiveJwtDecoder checked = UserJwts.fromKeySet(settings, clock, forgotten);
    return token ->
        checked
            .decode(token)
            .onErrorMap(
                error -> !(error instanceof JwtException),
                error ->
                    SearchProblems.unavailable(
                        "search is unavailable: whether the user was deleted could not be read"));
  }

  /**
   * CORS for {@code /v1/search}, ahead of the security chain: the VIP page is served by the
   * contacts service (another origin), and a preflight carries no token, so it must be answered
   * before the chain asks for one.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CorsWebFilter searchCorsWebFilter(SearchSettings settings) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(settings.allowedOrigins());
    cors.setAllowedMethods(List.of("GET"));
    cors.setAllowedHeaders(List.of("Authorization"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/v1/search", cors);
    return new CorsWebFilter(source);
  }

  @Bean
  UnifiedSearch unifiedSearch(VespaSearchClient client, SearchSettings settings, Clock clock) {
    return new UnifiedSearch(
        client, new SearchCursors(settings.cursorKey(), clock, settings.cursorTtl()), settings);
  }
}
