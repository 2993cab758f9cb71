package dev.officeflow.user.oauth;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry of the providers whose {@link OAuthProvider} beans exist in this deployment. */
@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

  @Bean
  OAuthProviders oauthProviders(List<OAuthProvider> providers) {
    return new OAuthProviders(providers);
  }
}
