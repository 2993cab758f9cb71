package dev.officeflow.events.catalog;

import java.time.Duration;

/**
 * One consumer's subscription to one topic, with the delivery settings {@code setup-pubsub} applies
 * and the consumer runtime relies on.
 *
 * @param name the subscription id
 * @param topic the topic id it reads
 * @param consumer the service that owns it ({@code office}, {@code contacts}, ...)
 * @param ackDeadline how long the handler may take before Pub/Sub redelivers
 * @param minBackoff first retry delay after a nack
 * @param maxBackoff upper bound of the exponential retry delay
 * @param maxDeliveryAttempts deliveries before Pub/Sub moves the message to the dead-letter topic
 */
public record SubscriptionSpec(
    String name,
    String topic,
    String consumer,
    Duration ackDeadline,
    Duration minBackoff,
    Duration maxBackoff,
    int maxDeliveryAttempts) {

  /** Pub/Sub accepts 10 to 600 seconds. */
  public static final Duration MIN_ACK_DEADLINE = Duration.ofSeconds(10);

  public static final Duration MAX_ACK_DEADLINE = Duration.ofSeconds(600);

  public SubscriptionSpec {
    if (ackDeadline.compareTo(MIN_ACK_DEADLINE) < 0
        || ackDeadline.compareTo(MAX_ACK_DEADLINE) > 0) {
      throw new IllegalArgumentException(name + ": ack deadline must be 10..600 s");
    }
    if (maxDeliveryAttempts < 5 || maxDeliveryAttempts > 100) {
      throw new IllegalArgumentException(name + ": max delivery attempts must be 5..100");
    }
    if (minBackoff.compareTo(maxBackoff) > 0) {
      throw new IllegalArgumentException(name + ": min backoff above max backoff");
    }
  }

  /**
   * The topic that receives messages this subscription gave up on. It gets a subscription of the
   * same name, because Pub/Sub drops messages published to a topic without subscriptions.
   */
  public String deadLetterTopic() {
    return name + "-dead-letter";
  }

  /** The subscription that retains the dead-lettered messages for inspection and replay. */
  public String deadLetterSubscription() {
    return deadLetterTopic();
  }

  /** The same subscription under other names, for tests that need isolated resources. */
  public SubscriptionSpec renamed(String newName, String newTopic) {
    return new SubscriptionSpec(
        newName, newTopic, consumer, ackDeadline, minBackoff, maxBackoff, maxDeliveryAttempts);
  }
}
