package dev.officeflow.user.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The token cipher, with a loud warning when it runs on the built-in development key. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenEncryptionSettings.class)
class TokenEncryptionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TokenEncryptionConfiguration.class);

  @Bean
  TokenCipher tokenCipher(TokenEncryptionSettings settings) {
    TokenCipher cipher = new TokenCipher(settings);
    if (cipher.usesDevelopmentKey()) {
      log.warn(
          "provider tokens are encrypted with the built-in development key '{}': set"
              + " officeflow.user.token-encryption.keys and current-key-id outside local runs",
          TokenCipher.DEV_KEY_ID);
    }
    return cipher;
  }
}
