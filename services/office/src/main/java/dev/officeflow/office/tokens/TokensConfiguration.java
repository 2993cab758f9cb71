package dev.officeflow.office.tokens;

import dev.officeflow.runtime.security.ServiceCredentials;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The token source {@code officeflow.office.tokens.source} names: the user service, or the local
 * one (configuration or google-sim) for tests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class TokensConfiguration {

  @Bean
  @ConditionalOnMissingBean(ProviderTokens.class)
  ProviderTokens providerTokens(TokenSettings settings, ServiceCredentials credentials) {
    if (settings.source() == TokenSettings.Source.USER_SERVICE) {
      return new UserServiceTokens(WebClient.create(settings.userServiceUrl()), credentials);
    }
    return new LocalProviderTokens(settings, WebClient.create());
  }
}
