package dev.officeflow.legacybridge.bridge;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.runtime.consume.Delivery;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dead-letters one refused item of a batch on the legacy subscription's dead-letter topic, beside
 * the whole messages the runtime dead-letters there. The data is the legacy message with that item
 * alone, so that once fixed it can be replayed to the legacy topic as it is ({@code setup-pubsub
 * dead-letters replay}); the attributes are the runtime's {@code error_*} and {@value #POSITION},
 * the item's position in the batch, which a replay keeps, so the replayed item gets the event id it
 * would have had.
 */
final class ItemDeadLetters {

  /** The item's position in its batch; read back by the bridge on a replayed one-item batch. */
  static final String POSITION = "legacy_item_position";

  /** Pub/Sub limits attribute values to 1024 bytes. */
  private static final int MAX_REASON_CHARS = 900;

  private final PubSubPublisherOperations pubSub;
  private final JsonMapper tree = JsonMapper.builder().build();

  ItemDeadLetters(PubSubPublisherOperations pubSub) {
    this.pubSub = pubSub;
  }

  CompletableFuture<String> publish(
      Delivery delivery,
      byte[] original,
      LegacyMessage message,
      LegacyMessage.Refused item,
      int position) {
    ObjectNode alone = (ObjectNode) tree.readTree(original);
    alone.putArray(message.shape().itemsField()).add(tree.readTree(item.json()));
    String reason = truncate(item.reason());
    PubsubMessage letter =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(tree.writeValueAsBytes(alone)))
            .putAttributes(POSITION, Integer.toString(position))
            .putAttributes(EventAttributes.SUBJECT, message.envelope().userId())
            .putAttributes(EventAttributes.ERROR_REASON, reason)
            .putAttributes(EventAttributes.ERROR_CLASS, reason.substring(0, reason.indexOf(':')))
            .putAttributes(EventAttributes.ERROR_SUBSCRIPTION, delivery.subscription())
            .putAttributes(EventAttributes.ERROR_MESSAGE_ID, delivery.messageId())
            .putAttributes(
                EventAttributes.ERROR_DELIVERY_ATTEMPT,
                Integer.toString(delivery.deliveryAttempt()))
            .build();
    return pubSub.publish(delivery.subscription() + "-dead-letter", letter);
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
  }
}
