package dev.officeflow.runtime.consume;

import java.time.Duration;

/**
 * How a consumer stops, what it refuses, how many bytes it handles at once and how it waits out an
 * outage. Streams per subscription and each subscription's flow control belong to the {@code
 * SubscriberFactory}: {@code spring.cloud.gcp.pubsub.subscriber.parallel-pull-count} and {@code
 * ...subscriber.flow-control.max-outstanding-element-count} / {@code
 * ...max-outstanding-request-bytes} (services-common's default 16 MiB per subscription, {@code
 * PubSubDefaults}).
 *
 * @param shutdownTimeout how long stopping waits for in-flight messages; default 30 s
 * @param maxMessageBytes a message body larger than this is dead-lettered as {@code too_large: <n>
 *     bytes} before anything decodes it; default 1 MiB, far above the largest legitimate inline
 *     event (payloads above {@code officeflow.payload.threshold-bytes}, 64 KiB, travel by pointer)
 * @param inFlightBytes the process-wide budget of message bytes being decoded and handled at once,
 *     shared by every subscription of the process; a message waits (held, not nacked) until it
 *     fits; default 16 MiB
 * @param outageBackoff how long a subscription paused by an outage waits before it tries the held
 *     message again; doubles per failed try; default 500 ms
 * @param outageMaxBackoff the longest such wait; default 5 s, so work resumes within seconds of the
 *     dependency's return
 */
public record ConsumerSettings(
    Duration shutdownTimeout,
    int maxMessageBytes,
    long inFlightBytes,
    Duration outageBackoff,
    Duration outageMaxBackoff) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
  public static final long DEFAULT_IN_FLIGHT_BYTES = 16L * 1024 * 1024;

  public static final ConsumerSettings DEFAULTS = new ConsumerSettings(Duration.ofSeconds(30));

  public ConsumerSettings {
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdown timeout must not be negative");
    }
    if (maxMessageBytes <= 0 || maxMessageBytes > inFlightBytes) {
      throw new IllegalArgumentException(
          "max message bytes must be positive and at most the in-flight budget");
    }
    if (outageBackoff.isNegative()
        || outageBackoff.isZero()
        || outageMaxBackoff.compareTo(outageBackoff) < 0) {
      throw new IllegalArgumentException("outage backoff must be positive and at most its maximum");
    }
  }

  /** The defaults with another shutdown timeout. */
  public ConsumerSettings(Duration shutdownTimeout) {
    this(
        shutdownTimeout,
        DEFAULT_MAX_MESSAGE_BYTES,
        DEFAULT_IN_FLIGHT_BYTES,
        Duration.ofMillis(500),
        Duration.ofSeconds(5));
  }

  /** These settings with other outage backoffs (tests shorten them). */
  public ConsumerSettings withOutageBackoff(Duration initial, Duration max) {
    return new ConsumerSettings(shutdownTimeout, maxMessageBytes, inFlightBytes, initial, max);
  }

  /** These settings with another message limit and in-flight budget. */
  public ConsumerSettings withBytes(int maxMessage, long inFlight) {
    return new ConsumerSettings(
        shutdownTimeout, maxMessage, inFlight, outageBackoff, outageMaxBackoff);
  }
}
