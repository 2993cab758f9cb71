package dev.officeflow.runtime.config;

import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration;
import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.OutcomeObserver;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadStore;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.trace.LogSpanExporter;
import dev.officeflow.runtime.trace.TelemetrySdk;
import dev.officeflow.runtime.trace.Tracing;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Wires the shared runtime into a service: clock, Redis client, codec, tracing, payload pointers,
 * publisher, consumers.
 */
@AutoConfiguration(after = GcpPubSubAutoConfiguration.class)
@EnableConfigurationProperties(RuntimeProperties.class)
public class RuntimeAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  /**
   * The OpenTelemetry SDK from the standard {@code OTEL_*} variables over officeflow's defaults
   * (export off until an OTLP endpoint is given; {@link TelemetrySdk}), with the {@link
   * SpanProcessor} beans added; services that trace otherwise provide their own bean.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(OpenTelemetry.class)
  OpenTelemetrySdk openTelemetry(
      RuntimeProperties properties,
      Environment environment,
      ObjectProvider<SpanProcessor> processors) {
    return TelemetrySdk.create(
        properties.service().name(),
        otelProperties(environment),
        processors.orderedStream().toList());
  }

  /** {@code otel.*} properties of the service's configuration (its files, its command line). */
  static Map<String, String> otelProperties(Environment environment) {
    Map<String, String> properties = new HashMap<>();
    if (environment instanceof ConfigurableEnvironment configurable) {
      for (PropertySource<?> source : configurable.getPropertySources()) {
        if (source instanceof EnumerablePropertySource<?> enumerable) {
          for (String name : enumerable.getPropertyNames()) {
            String value = name.startsWith("otel.") ? environment.getProperty(name) : null;
            if (value != null) {
              properties.putIfAbsent(name, value);
            }
          }
        }
      }
    }
    return properties;
  }

  /**
   * Every finished span as a JSON log line, beside any export: traces readable without a collector
   * ({@code officeflow.tracing.log-spans}, off).
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "officeflow.tracing.log-spans")
  SpanProcessor logSpans() {
    return SimpleSpanProcessor.create(new LogSpanExporter());
  }

  @Bean
  @ConditionalOnMissingBean
  Tracing tracing(OpenTelemetry openTelemetry) {
    return new Tracing(openTelemetry);
  }

  /** The time of every decision a service makes; tests register their own clock. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The process's one Lettuce client: its event loops and timers are shared by every Redis user of
   * the service (payload pointers, the OAuth state store, the quota limiter), each with its own
   * connection. Connections are cheap; a client's threads and buffers are not.
   */
  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean
  RedisClient redisClient(RuntimeProperties properties) {
    return RedisClient.create(properties.redis().url());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(PayloadStore.class)
  RedisPayloadStore payloadStore(RedisClient redis) {
    return new RedisPayloadStore(redis);
  }

  @Bean
  @ConditionalOnMissingBean
  PayloadPointers payloadPointers(
      PayloadStore store, EventCodec codec, RuntimeProperties properties) {
    return new PayloadPointers(store, codec, properties.payload().settings());
  }

  @Bean
  @ConditionalOnMissingBean
  EventPublisher eventPublisher(
      PubSubPublisherTemplate pubSub,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      RuntimeProperties properties) {
    return new EventPublisher(pubSub, codec, pointers, tracing, properties.pubsub().prefix());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  ConsumerRuntime consumerRuntime(
      SubscriberFactory subscribers,
      PubSubPublisherTemplate pubSub,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      RuntimeProperties properties,
      ObjectProvider<OutcomeObserver> observer,
      ObjectProvider<ForgottenUsers> forgottenUsers) {
    // The record of purged users, when the service keeps one (every service with a database, and
    // vespa-loader's own): their later events settle as forgotten before a handler sees them.
    return new ConsumerRuntime(
        subscribers,
        pubSub,
        codec,
        pointers,
        tracing,
        properties.consumer().settings(),
        observer.getIfAvailable(() -> OutcomeObserver.NONE),
        forgottenUsers.getIfAvailable());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "officeflow.consumer.enabled", matchIfMissing = true)
  HandlerLifecycle handlerLifecycle(
      ConsumerRuntime runtime,
      RuntimeProperties properties,
      ObjectProvider<EventHandler<?>> handlers,
      ObjectProvider<MessageHandler> rawHandlers) {
    return new HandlerLifecycle(
        runtime,
        properties.service().name(),
        properties.pubsub().prefix(),
        handlers.orderedStream().toList(),
        rawHandlers.orderedStream().toList());
  }
}
