package dev.officeflow.legacybridge.bridge;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.core.publisher.PublisherCustomizer;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.legacybridge.mirror.LegacyLoop;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.BatchedPublishers;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.trace.Tracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One handler per legacy topic, on the catalog's {@code legacy-bridge-<topic>} subscriptions. */
@Configuration(proxyBeanMethods = false)
class BridgeConfiguration {

  /** A legacy batch yields fifty typed events at once: one publish request for them. */
  @Bean
  PublisherCustomizer batchedPublishers() {
    return BatchedPublishers.customizer();
  }

  @Bean
  LegacyReader legacyReader(EventCodec codec) {
    return new LegacyReader(codec);
  }

  @Bean
  TypedEvents typedEvents(RuntimeProperties runtime) {
    return new TypedEvents(runtime.service().name(), runtime.service().version());
  }

  @Bean
  ItemDeadLetters itemDeadLetters(PubSubPublisherTemplate pubSub) {
    return new ItemDeadLetters(pubSub);
  }

  @Bean
  LegacyTopicHandler emailBackfillHandler(
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    return handler(Topics.EMAIL_BACKFILL, reader, events, publisher, deadLetters, tracing, loop);
  }

  @Bean
  LegacyTopicHandler emailUpdatesHandler(
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    return handler(Topics.EMAIL_UPDATES, reader, events, publisher, deadLetters, tracing, loop);
  }

  @Bean
  LegacyTopicHandler calendarUpdatesHandler(
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    return handler(Topics.CALENDAR_UPDATES, reader, events, publisher, deadLetters, tracing, loop);
  }

  @Bean
  LegacyTopicHandler contactUpdatesHandler(
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    return handler(Topics.CONTACT_UPDATES, reader, events, publisher, deadLetters, tracing, loop);
  }

  /** The handler of the catalog's {@code legacy-bridge-<topic>}. */
  private static LegacyTopicHandler handler(
      String topic,
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    String subscription = Catalog.subscription(Catalog.LEGACY_BRIDGE, topic).name();
    return new LegacyTopicHandler(
        subscription, reader, events, publisher, deadLetters, tracing, loop);
  }
}
