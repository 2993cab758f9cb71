package dev.officeflow.setuppubsub;

import java.util.Optional;
import java.util.Set;

/**
 * The Pub/Sub admin operations setup-pubsub needs, by short resource id within one project. The
 * real implementation is {@link GrpcPubSubResources}; tests use an in-memory one. Failures other
 * than "not found" and "already exists" surface as {@link SetupException}.
 */
interface PubSubResources extends AutoCloseable {

  /** Subscription fields that {@link #updateSubscription} can change in place. */
  enum Field {
    ACK_DEADLINE("ack_deadline_seconds"),
    RETRY_POLICY("retry_policy"),
    DEAD_LETTER_POLICY("dead_letter_policy"),
    EXPIRATION_POLICY("expiration_policy"),
    MESSAGE_RETENTION("message_retention_duration");

    private final String maskPath;

    Field(String maskPath) {
      this.maskPath = maskPath;
    }

    /** The path of this field in an {@code UpdateSubscriptionRequest}'s field mask. */
    String maskPath() {
      return maskPath;
    }
  }

  boolean topicExists(String topic);

  Optional<SubscriptionSettings> subscription(String name);

  /** Creates the topic; false when it already existed (another run may have created it). */
  boolean createTopic(String topic);

  /** Creates the subscription; false when one of that name already existed. */
  boolean createSubscription(SubscriptionSettings settings);

  /** Sets {@code fields} of the existing subscription {@code settings.name()} to those values. */
  void updateSubscription(SubscriptionSettings settings, Set<Field> fields);

  @Override
  void close();
}
