package dev.officeflow.contacts.address;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact hasher, with the key from {@link AddressSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AddressSettings.class)
class AddressConfiguration {

  @Bean
  ContactHasher contactHasher(AddressSettings settings) {
    return new ContactHasher(settings.hashKey());
  }
}
