package dev.officeflow.office.publish;

import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.spring.pubsub.core.publisher.PublisherCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the office service's publishers batch. A backfill step publishes up to 100 events at once;
 * the client's default (a batch per 1,000 bytes, i.e. one request per event) would send a hundred
 * requests where one does, and Spring's properties only offer whole seconds of delay, which would
 * hold the last events of every step back a second.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

  /** Up to 100 events or 1 MB per request, waiting at most 5 ms for more. */
  static final BatchingSettings BATCHING =
      BatchingSettings.newBuilder()
          .setElementCountThreshold(100L)
          .setRequestByteThreshold(1_000_000L)
          .setDelayThresholdDuration(Duration.ofMillis(5))
          .build();

  @Bean
  PublisherCustomizer batchedPublishers() {
    return (builder, topic) -> builder.setBatchingSettings(BATCHING);
  }
}
