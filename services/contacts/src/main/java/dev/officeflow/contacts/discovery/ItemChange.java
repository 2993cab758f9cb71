package dev.officeflow.contacts.discovery;

import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one email or calendar event means for the user's interactions: a create adds them (a
 * redelivery adds nothing), an update replaces the item's interactions, a delete removes them.
 *
 * @param version the event's {@code last_updated}: an older version never overwrites a newer one
 * @param participants hash → address and name from this message, for contact events only
 */
public record ItemChange(
    String userId,
    Source source,
    String itemId,
    Operation operation,
    Instant version,
    String provider,
    SyncType syncType,
    List<Interaction> interactions,
    Map<String, Participant> participants) {

  public ItemChange {
    interactions = List.copyOf(interactions);
    participants = Map.copyOf(participants);
  }

  /** True when the item's earlier interactions must go first (update, delete). */
  public boolean replaces() {
    return operation != Operation.CREATE;
  }
}
