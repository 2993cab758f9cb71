package dev.officeflow.graphsim.delta;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item a delta round may return: its id, the version of its last change, and either its JSON
 * (made only if it lands on a page) or the reason it left the collection.
 *
 * @param removedReason {@code deleted} (gone for good) or {@code changed} (no longer in the
 *     collection, e.g. an event moved out of the window); null for a live item
 */
public record DeltaEntry(
    String id, long version, Supplier<ObjectNode> json, @Nullable String removedReason) {

  public static DeltaEntry live(String id, long version, Supplier<ObjectNode> json) {
    return new DeltaEntry(id, version, json, null);
  }

  public static DeltaEntry removed(String id, long version, String reason) {
    return new DeltaEntry(
        id,
        version,
        () -> {
          throw new IllegalStateException("removed");
        },
        reason);
  }

  public boolean isRemoval() {
    return removedReason != null;
  }
}
