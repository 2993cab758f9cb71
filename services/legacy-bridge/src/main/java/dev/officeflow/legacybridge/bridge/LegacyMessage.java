package dev.officeflow.legacybridge.bridge;

import dev.officeflow.events.legacy.LegacyEvent;
import dev.officeflow.events.legacy.LegacyShape;
import java.util.List;
import java.util.function.Supplier;

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

  /**
   * A decoded item; its JSON is written only when asked (an item whose typed event is refused),
   * since the common case never needs it.
   */
  record Decoded(int position, Object payload, Supplier<byte[]> source) implements Item {
    @Override
    public byte[] json() {
      return source.get();
    }
  }

  record Refused(int position, byte[] json, String reason) implements Item {}
}
