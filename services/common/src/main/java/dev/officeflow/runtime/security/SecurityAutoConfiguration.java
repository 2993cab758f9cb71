package dev.officeflow.runtime.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * Service credentials for every service that depends on the runtime: what it presents when it calls
 * another service, and, in a reactive web service, the guard of its {@code /internal/**} routes by
 * caller (ARCHITECTURE §8).
 */
@AutoConfiguration
@EnableConfigurationProperties(ServiceSecuritySettings.class)
public class SecurityAutoConfiguration {

  /**
   * The static credential when one is set (every service locally), else an ID token of the
   * service's account from the metadata server when Google ID tokens are on (GCP), else none.
   */
  @Bean
  @ConditionalOnMissingBean
  ServiceCredentials serviceCredentials(ServiceSecuritySettings settings, Clock clock) {
    if (settings.credential() != null && !settings.credential().isBlank()) {
      return ServiceCredentials.fixed(settings.credential());
    }
    ServiceSecuritySettings.GoogleIdTokens google = settings.googleIdTokens();
    if (google.enabled()) {
      return ServiceCredentials.fromMetadataServer(google.metadataUrl(), google.audience(), clock);
    }
    return ServiceCredentials.none();
  }

  @Bean
  @ConditionalOnClass(WebFilter.class)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  ServiceCredentialWebFilter serviceCredentialWebFilter(
      ServiceSecuritySettings settings, ObjectProvider<InternalAccess> access) {
    ServiceSecuritySettings.GoogleIdTokens google = settings.googleIdTokens();
    return new ServiceCredentialWebFilter(
        new CallerTokens(settings.callers()),
        google.enabled() ? new GoogleIdTokens(google) : null,
        access.orderedStream().toList());
  }
}
