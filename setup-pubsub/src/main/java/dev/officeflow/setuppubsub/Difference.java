package dev.officeflow.setuppubsub;

import java.util.Optional;

/**
 * One way in which Pub/Sub differs from the catalog.
 *
 * @param resource the topic or subscription id
 * @param detail what differs, as printed: {@code ack deadline 45s, expected 30s}
 */
record Difference(Kind kind, String resource, String detail) {

  /** The kinds of difference, and how each one is fixed. */
  enum Kind {
    MISSING_TOPIC(Optional.empty()),
    MISSING_SUBSCRIPTION(Optional.empty()),
    /** Pub/Sub cannot move a subscription to another topic: it must be deleted and recreated. */
    TOPIC(Optional.empty()),
    ACK_DEADLINE(Optional.of(PubSubResources.Field.ACK_DEADLINE)),
    RETRY_POLICY(Optional.of(PubSubResources.Field.RETRY_POLICY)),
    DEAD_LETTER_TOPIC(Optional.of(PubSubResources.Field.DEAD_LETTER_POLICY)),
    MAX_DELIVERY_ATTEMPTS(Optional.of(PubSubResources.Field.DEAD_LETTER_POLICY)),
    EXPIRATION(Optional.of(PubSubResources.Field.EXPIRATION_POLICY)),
    RETENTION(Optional.of(PubSubResources.Field.MESSAGE_RETENTION));

    private final Optional<PubSubResources.Field> field;

    Kind(Optional<PubSubResources.Field> field) {
      this.field = field;
    }

    /** The field an in-place update sets to fix this; empty when no update can. */
    Optional<PubSubResources.Field> field() {
      return field;
    }

    boolean isMissing() {
      return this == MISSING_TOPIC || this == MISSING_SUBSCRIPTION;
    }
  }

  /** The line {@code --verify} prints. */
  String describe() {
    return switch (kind) {
      case MISSING_TOPIC -> "missing topic " + resource;
      case MISSING_SUBSCRIPTION -> "missing subscription " + resource;
      default -> "differs subscription " + resource + ": " + detail;
    };
  }
}
