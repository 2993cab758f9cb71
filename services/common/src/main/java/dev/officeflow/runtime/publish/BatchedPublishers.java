package dev.officeflow.runtime.publish;

import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.spring.pubsub.core.publisher.PublisherCustomizer;
import java.time.Duration;

/**
 * Publisher batching for a service that publishes many events at once (the office: up to 100 per
 * backfill step; the legacy bridge: fifty per legacy batch). The client's default, a request per
 * 1,000 bytes, sends each event as its own publish request, and those requests were most of the
 * publishing CPU; Spring's properties offer the delay only in whole seconds, which would hold the
 * last events of every step back a second, hence a customizer. A service opts in with a bean of
 * {@link #customizer()}; it applies to every publisher of that service.
 */
public final class BatchedPublishers {

  /**
   * Up to 100 events or 1 MB per request, waiting at most 5 ms for more: a step's or a batch's
   * events go in one request, and the wait is short beside each message's own handling.
   */
  public static final BatchingSettings SETTINGS =
      BatchingSettings.newBuilder()
          .setElementCountThreshold(100L)
          .setRequestByteThreshold(1_000_000L)
          .setDelayThresholdDuration(Duration.ofMillis(5))
          .build();

  private BatchedPublishers() {}

  public static PublisherCustomizer customizer() {
    return (builder, topic) -> builder.setBatchingSettings(SETTINGS);
  }
}
