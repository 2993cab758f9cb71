package dev.officeflow.runtime.config;

import com.google.cloud.spring.autoconfigure.pubsub.GcpPubSubAutoConfiguration;
import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.OutcomeObserver;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadStore;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.trace.LogSpanExporter;
import dev.officeflow.runtime.trace.Tracing;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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
   * A tracing SDK with W3C propagation that hands finished spans to the {@link SpanProcessor} beans
   * (none by default); services that export spans otherwise provide their own bean.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(OpenTelemetry.class)
  OpenTelemetrySdk openTelemetry(ObjectProvider<SpanProcessor> processors) {
    SdkTracerProviderBuilder tracerProvider = SdkTracerProvider.builder();
    processors.orderedStream().forEach(tracerProvider::addSpanProcessor);
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /** Every finished span as a JSON log line: traces readable without a collector (off). */
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
      ObjectProvider<OutcomeObserver> observer) {
    return new ConsumerRuntime(
        subscribers,
        pubSub,
        codec,
        pointers,
        tracing,
        properties.consumer().settings(),
        observer.getIfAvailable(() -> OutcomeObserver.NONE));
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
