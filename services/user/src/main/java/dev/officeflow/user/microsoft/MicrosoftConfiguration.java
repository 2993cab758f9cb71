package dev.officeflow.user.microsoft;

import dev.officeflow.user.oauth.OAuthProvider;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Microsoft's settings always (so a half-configured client fails the start), and the provider and
 * its id_token checks only when a client id is set ({@link MicrosoftEnabled}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MicrosoftSettings.class)
class MicrosoftConfiguration {

  @Configuration(proxyBeanMethods = false)
  @Conditional(MicrosoftEnabled.class)
  static class Offered {

    @Bean
    MicrosoftIdTokens microsoftIdTokens(
        MicrosoftSettings settings, WebClient.Builder http, Clock clock) {
      return new MicrosoftIdTokens(settings, http.build(), clock);
    }

    @Bean
    OAuthProvider microsoftProvider(
        MicrosoftSettings settings, WebClient.Builder http, MicrosoftIdTokens idTokens) {
      return new MicrosoftProvider(
          new MicrosoftOAuthClient(http.build(), settings), idTokens, settings);
    }
  }
}
