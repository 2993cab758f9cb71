package dev.officeflow.runtime.consume;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a message the runtime gives up on to its subscription's dead-letter topic, keeping the
 * original data and attributes and adding why. Only after that publish succeeds is the original
 * acked, so nothing is lost.
 */
final class DeadLetterPublisher {

  /** Pub/Sub limits attribute values to 1024 bytes. */
  private static final int MAX_REASON_CHARS = 900;

  private final PubSubPublisherOperations pubSub;

  DeadLetterPublisher(PubSubPublisherOperations pubSub) {
    this.pubSub = pubSub;
  }

  CompletableFuture<String> publish(
      SubscriptionSpec spec, PubsubMessage original, String reason, int deliveryAttempt) {
    PubsubMessage copy =
        PubsubMessage.newBuilder()
            .setData(original.getData())
            .putAllAttributes(original.getAttributesMap())
            .putAttributes(EventAttributes.ERROR_REASON, truncate(reason))
            .putAttributes(EventAttributes.ERROR_CLASS, errorClass(reason))
            .putAttributes(EventAttributes.ERROR_SUBSCRIPTION, spec.name())
            .putAttributes(EventAttributes.ERROR_MESSAGE_ID, original.getMessageId())
            .putAttributes(
                EventAttributes.ERROR_DELIVERY_ATTEMPT, Integer.toString(deliveryAttempt))
            .build();
    return pubSub.publish(spec.deadLetterTopic(), copy);
  }

  /** The reason's leading code ({@code invalid}, {@code unknown_type}, {@code payload_missing}). */
  static String errorClass(String reason) {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
  }
}
