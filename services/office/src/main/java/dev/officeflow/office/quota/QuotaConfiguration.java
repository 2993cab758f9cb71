package dev.officeflow.office.quota;

import io.lettuce.core.RedisClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared quota limiter, on the process's Redis client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaSettings.class)
class QuotaConfiguration {

  @Bean(destroyMethod = "close")
  QuotaLimiter quotaLimiter(RedisClient redis, QuotaSettings settings) {
    return new QuotaLimiter(redis, settings);
  }
}
