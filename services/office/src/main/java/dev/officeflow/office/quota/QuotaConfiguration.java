package dev.officeflow.office.quota;

import dev.officeflow.runtime.config.RuntimeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared quota limiter, on the runtime's Redis. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaSettings.class)
class QuotaConfiguration {

  @Bean(destroyMethod = "close")
  QuotaLimiter quotaLimiter(RuntimeProperties runtime, QuotaSettings settings) {
    return new QuotaLimiter(runtime.redis().url(), settings);
  }
}
