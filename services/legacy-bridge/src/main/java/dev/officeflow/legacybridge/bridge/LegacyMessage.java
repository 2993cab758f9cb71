package dev.officeflow.legacybridge.bridge;

import dev.officeflow.events.legacy.LegacyEvent;
import dev.officeflow.events.legacy.LegacyShape;
import java.util.List;

/**
 * A legacy message as read: its envelope (with no items) and each item in its position, decoded or
 * refused on its own so that one bad item spoils nothing else.
 */
record LegacyMessage(LegacyEvent<?> envelope, List<Item> items) {

  LegacyMessage {
    items = List.copyOf(items);
  }

  LegacyShape shape() {
    return envelope.shape();
  }

  /** One item: {@code payload} decoded, or the item's own JSON and why it was refused. */
  sealed interface Item {
    int position();

    /** The item's JSON as it came. */
    byte[] json();
  }

  record Decoded(int position, Object payload, byte[] json) implements Item {}

  record Refused(int position, byte[] json, String reason) implements Item {}
}
