package dev.officeflow.legacybridge.bridge;

import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.spring.pubsub.core.publisher.PublisherCustomizer;
import java.time.Duration;

/**
 * How the bridge's publishers batch. A legacy batch yields fifty typed events at once (about 5.5 kB
 * each for mail); the client's default, a request per 1,000 bytes, sent each of them as its own
 * publish request, and those requests were most of the bridge's gRPC and batching CPU. Spring's
 * properties offer the delay only in whole seconds, which would hold every batch's last events back
 * a second, hence a customizer. It applies to every publisher of the service (the typed topics, the
 * item dead letters, the mirror's legacy topics).
 */
final class PublisherBatching {

  /**
   * Up to 100 events (two legacy batches) or 1 MB per request, waiting at most 5 ms for more: a
   * batch's fifty go in one request, and the wait is short beside the message's own handling.
   */
  static final BatchingSettings SETTINGS =
      BatchingSettings.newBuilder()
          .setElementCountThreshold(100L)
          .setRequestByteThreshold(1_000_000L)
          .setDelayThresholdDuration(Duration.ofMillis(5))
          .build();

  private PublisherBatching() {}

  static PublisherCustomizer customizer() {
    return (builder, topic) -> builder.setBatchingSettings(SETTINGS);
  }
}
