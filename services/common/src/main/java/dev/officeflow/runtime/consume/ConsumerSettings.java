package dev.officeflow.runtime.consume;

import java.time.Duration;

/**
 * How a consumer stops. Streams per subscription and flow control (bounded concurrency) belong to
 * the {@code SubscriberFactory}: {@code spring.cloud.gcp.pubsub.subscriber.parallel-pull-count} and
 * {@code ...subscriber.flow-control.max-outstanding-element-count}.
 *
 * @param shutdownTimeout how long stopping waits for in-flight messages; default 30 s
 */
public record ConsumerSettings(Duration shutdownTimeout) {

  public static final ConsumerSettings DEFAULTS = new ConsumerSettings(Duration.ofSeconds(30));

  public ConsumerSettings {
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdown timeout must not be negative");
    }
  }
}
