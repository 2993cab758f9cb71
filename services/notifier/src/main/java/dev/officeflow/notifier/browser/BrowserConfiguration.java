package dev.officeflow.notifier.browser;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for {@code /v1/**}, ahead of the security chain: a preflight carries no token, and must be
 * answered before the chain asks for one. {@code GET /v1/stream} is served beneath the filters and
 * applies the same configuration itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrowserSettings.class)
class BrowserConfiguration {

  /** Who may call {@code /v1/**} from a page of another origin; the stream route reads it too. */
  @Bean
  CorsConfiguration browserCors(BrowserSettings settings) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(settings.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST"));
    cors.setAllowedHeaders(List.of("Authorization", "Last-Event-ID", "Content-Type"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    return cors;
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CorsWebFilter corsWebFilter(CorsConfiguration browserCors) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/v1/**", browserCors);
    return new CorsWebFilter(source);
  }
}
