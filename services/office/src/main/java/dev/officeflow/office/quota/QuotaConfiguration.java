package dev.officeflow.office.quota;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared quota limiter and concurrency limiter, on the process's Redis client, and the refusal
 * counter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaSettings.class)
class QuotaConfiguration {

  @Bean
  QuotaRefusals quotaRefusals(MeterRegistry registry) {
    return new QuotaRefusals(registry);
  }

  /** Calls in flight per key, shared by every instance, under the quota's key prefix. */
  @Bean(destroyMethod = "close")
  ConcurrencyLimiter concurrencyLimiter(RedisClient redis, QuotaSettings settings) {
    return new ConcurrencyLimiter(redis, settings.keyPrefix());
  }

  @Bean(destroyMethod = "close")
  QuotaLimiter quotaLimiter(RedisClient redis, QuotaSettings settings, QuotaRefusals refusals) {
    return new QuotaLimiter(redis, settings, refusals);
  }
}
