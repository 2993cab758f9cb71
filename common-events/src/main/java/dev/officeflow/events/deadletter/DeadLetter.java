package dev.officeflow.events.deadletter;

import dev.officeflow.events.EventAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery pulled from a dead-letter subscription: the original data and attributes the runtime
 * copied there, its {@code error_*} attributes, and the ack id of this delivery.
 *
 * @param messageId the message's id in the dead-letter subscription (not the original's: that is
 *     {@code error_message_id})
 * @param ackId acknowledges or releases this delivery
 * @param data the original message data; shared, not copied: do not change it
 * @param publishTime when it was dead-lettered
 */
public record DeadLetter(
    String messageId,
    String ackId,
    Map<String, String> attributes,
    byte[] data,
    Instant publishTime) {

  /** How often a message was replayed from a dead-letter subscription; absent means never. */
  public static final String REPLAY_COUNT = "officeflow_replay_count";

  /**
   * Set by Pub/Sub itself on what its dead-letter policy moved (the runtime had no say, for example
   * after five expired ack deadlines): the source subscription, and more of the same prefix.
   */
  public static final String PUBSUB_SOURCE_SUBSCRIPTION = "CloudPubSubDeadLetterSourceSubscription";

  /** The reason prefix of what Pub/Sub's own policy dead-lettered, which carries no reason. */
  public static final String DELIVERY_LIMIT = "delivery_limit";

  public DeadLetter {
    attributes = Map.copyOf(attributes);
  }

  /** The full {@code error_reason}, empty when there is none. */
  public String reason() {
    return attributes.getOrDefault(EventAttributes.ERROR_REASON, "");
  }

  /**
   * The reason's code ({@code invalid}, {@code too_large}, {@link #DELIVERY_LIMIT}), a bounded set
   * of values to group and count by.
   */
  public String reasonPrefix() {
    if (!attributes.containsKey(EventAttributes.ERROR_REASON)
        && attributes.containsKey(PUBSUB_SOURCE_SUBSCRIPTION)) {
      return DELIVERY_LIMIT;
    }
    return ErrorReasons.prefix(attributes.get(EventAttributes.ERROR_REASON));
  }

  /** The subscription that gave up on the message, as the runtime or Pub/Sub recorded it. */
  public Optional<String> sourceSubscription() {
    return Optional.ofNullable(attributes.get(EventAttributes.ERROR_SUBSCRIPTION))
        .or(() -> Optional.ofNullable(attributes.get(PUBSUB_SOURCE_SUBSCRIPTION)));
  }

  /** {@link #REPLAY_COUNT}, 0 when absent or not a number. */
  public int replayCount() {
    String count = attributes.get(REPLAY_COUNT);
    if (count == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(count.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return "DeadLetter[" + messageId + ", " + reasonPrefix() + ", " + data.length + " bytes]";
  }
}
