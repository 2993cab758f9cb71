package dev.officeflow.user.google;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The client of Google's OAuth endpoints and the settings of the Google connection. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoogleSettings.class)
class GoogleConfiguration {

  @Bean
  GoogleOAuthClient googleOAuthClient(WebClient.Builder http, GoogleSettings settings) {
    return new GoogleOAuthClient(http, settings);
  }
}
