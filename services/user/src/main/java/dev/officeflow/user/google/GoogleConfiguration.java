package dev.officeflow.user.google;

import dev.officeflow.user.oauth.OAuthProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The client of Google's OAuth endpoints, Google as a provider, and the connection's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoogleSettings.class)
class GoogleConfiguration {

  @Bean
  GoogleOAuthClient googleOAuthClient(WebClient.Builder http, GoogleSettings settings) {
    return new GoogleOAuthClient(http, settings);
  }

  @Bean
  OAuthProvider googleProvider(GoogleOAuthClient client, GoogleSettings settings) {
    return new GoogleProvider(client, settings);
  }
}
