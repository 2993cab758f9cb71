package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.calendar.EventRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A generated account: its messages (oldest first), its events, and the ground-truth closeness
 * ranking of every person in its graph (closest first).
 */
public record GeneratedMailbox(
    Instant anchor,
    ZoneId zone,
    List<MailMessage> messages,
    List<EventRecord> events,
    List<ContactRank> closeness) {

  public GeneratedMailbox {
    messages = List.copyOf(messages);
    events = List.copyOf(events);
    closeness = List.copyOf(closeness);
  }

  /** The owner's {@code n} closest contacts by the generator's ground truth. */
  public List<ContactRank> closestContacts(int n) {
    return closeness.subList(0, Math.min(n, closeness.size()));
  }
}
