package dev.officeflow.user.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The token cipher, on the configured keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenEncryptionSettings.class)
class TokenEncryptionConfiguration {

  @Bean
  TokenCipher tokenCipher(TokenEncryptionSettings settings) {
    return new TokenCipher(settings);
  }
}
