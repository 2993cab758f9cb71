package dev.officeflow.office.tokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The local token source, unless another {@link ProviderTokens} (the user service's) is present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class TokensConfiguration {

  @Bean
  @ConditionalOnMissingBean(ProviderTokens.class)
  LocalProviderTokens localProviderTokens(TokenSettings settings) {
    return new LocalProviderTokens(settings, WebClient.create());
  }
}
