package dev.officeflow.runtime.security;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/** Service credentials for every reactive web service that depends on the runtime. */
@AutoConfiguration
@ConditionalOnClass(WebFilter.class)
@EnableConfigurationProperties(SecurityAutoConfiguration.SecurityProperties.class)
public class SecurityAutoConfiguration {

  /**
   * {@code officeflow.security.service-tokens}: accepted service credentials, the first one sent.
   * The default is for local runs only; every deployment sets its own (services map it from {@code
   * OFFICEFLOW_SERVICE_TOKENS}).
   */
  @ConfigurationProperties("officeflow.security")
  public record SecurityProperties(
      @DefaultValue("local-dev-service-token") List<String> serviceTokens) {}

  @Bean
  @ConditionalOnMissingBean
  ServiceCredentials serviceCredentials(SecurityProperties properties) {
    return new ServiceCredentials(properties.serviceTokens());
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  ServiceCredentialWebFilter serviceCredentialWebFilter(ServiceCredentials credentials) {
    return new ServiceCredentialWebFilter(credentials);
  }
}
