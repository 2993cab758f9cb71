package dev.officeflow.runtime.config;

import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.OutcomeObserver;
import dev.officeflow.runtime.payload.PayloadStore;
import dev.officeflow.runtime.trace.TraceContextWebFilter;
import dev.officeflow.runtime.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics of the shared runtime, for services that have Actuator: a {@code payloadStore}
 * health component, per-subscription delivery counters and the consumers' gauges (subscriptions
 * paused by an outage, bytes in flight). Pub/Sub and PostgreSQL health come from their own
 * auto-configurations. Reactive web services also continue their callers' traces.
 */
@AutoConfiguration(before = RuntimeAutoConfiguration.class)
public class ObservabilityAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ReactiveHealthIndicator.class)
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "payloadStoreHealthIndicator")
    RedisHealthIndicator payloadStoreHealthIndicator(PayloadStore store) {
      return new RedisHealthIndicator(store);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    OutcomeObserver consumerMetrics(ObjectProvider<MeterRegistry> registry) {
      // Resolved at creation, not by condition: the registry's auto-configuration may come later.
      MeterRegistry meters = registry.getIfAvailable();
      return meters == null ? OutcomeObserver.NONE : new ConsumerMetrics(meters);
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerGauges consumerGauges(ObjectProvider<ConsumerRuntime> runtime) {
      return new ConsumerGauges(runtime);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  static class Web {

    @Bean
    @ConditionalOnMissingBean
    TraceContextWebFilter traceContextWebFilter(Tracing tracing) {
      return new TraceContextWebFilter(tracing);
    }
  }
}
