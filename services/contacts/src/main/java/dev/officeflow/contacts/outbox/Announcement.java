package dev.officeflow.contacts.outbox;

import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A contact's new state to announce (a create or an update): the address comes from the message
 * being processed and is sealed before it is written; the scores travel as {@code tags}.
 */
public record Announcement(
    String userId,
    String contactHash,
    Operation operation,
    String provider,
    SyncType syncType,
    @Nullable String displayName,
    String address,
    Map<String, String> tags) {

  public Announcement {
    if (operation == Operation.DELETE) {
      throw new IllegalArgumentException(
          "a removal is announced by the statement that removes the contact"
              + " (ContactOutbox.announcingRemovals), not with an address");
    }
    tags = Map.copyOf(tags);
  }
}
