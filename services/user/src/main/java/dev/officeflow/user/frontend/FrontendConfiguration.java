package dev.officeflow.user.frontend;

import dev.officeflow.user.google.GoogleSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the frontend's origin alone (the origin of {@code officeflow.user.google.frontend-url},
 * where connecting sends the browser back), on {@code /v1/**}: with credentials, so the browser
 * keeps the {@code officeflow_oauth} cookie that start sets, and the {@code Authorization} header
 * of the user JWT. Ordered before the security chain, which would otherwise answer a preflight (no
 * token) with 401. Behind one ingress (same origin) nothing here is used.
 */
@Configuration(proxyBeanMethods = false)
class FrontendConfiguration {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CorsWebFilter frontendCors(GoogleSettings settings) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    origin(settings.frontendUrl())
        .ifPresent(origin -> source.registerCorsConfiguration("/v1/**", cors(origin)));
    return new CorsWebFilter(source);
  }

  private static CorsConfiguration cors(String origin) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(List.of(origin));
    cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofMinutes(10));
    return cors;
  }

  /** {@code scheme://host[:port]} of the frontend URL; empty when none is configured. */
  static Optional<String> origin(String frontendUrl) {
    if (frontendUrl.isBlank()) {
      return Optional.empty();
    }
    URI uri = URI.create(frontendUrl.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "officeflow.user.google.frontend-url must be an absolute URL, not '" + frontendUrl + "'");
    }
    return Optional.of(
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
  }
}
