package dev.officeflow.office.providers.google;

import dev.officeflow.office.quota.QuotaLimiter;
import dev.officeflow.office.tokens.ProviderTokens;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Google call machinery, shared by every feature that reads a provider. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GoogleSettings.class, GoogleQuota.class})
class GoogleConfiguration {

  @Bean(destroyMethod = "close")
  GoogleApi googleApi(
      GoogleSettings settings,
      GoogleQuota quota,
      QuotaLimiter limiter,
      ProviderTokens tokens,
      Clock clock) {
    return new GoogleApi(settings, quota, limiter, tokens, clock);
  }
}
