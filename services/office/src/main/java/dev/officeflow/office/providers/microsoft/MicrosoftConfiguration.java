package dev.officeflow.office.providers.microsoft;

import dev.officeflow.office.quota.ConcurrencyLimiter;
import dev.officeflow.office.quota.QuotaLimiter;
import dev.officeflow.office.tokens.ProviderTokens;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Graph call machinery, shared by every Microsoft source. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MicrosoftSettings.class, MicrosoftQuota.class})
class MicrosoftConfiguration {

  @Bean(destroyMethod = "close")
  MicrosoftClient microsoftClient(
      MicrosoftSettings settings,
      MicrosoftQuota quota,
      QuotaLimiter limiter,
      ConcurrencyLimiter concurrency,
      ProviderTokens tokens,
      Clock clock) {
    return new MicrosoftClient(settings, quota, limiter, concurrency, tokens, clock);
  }
}
