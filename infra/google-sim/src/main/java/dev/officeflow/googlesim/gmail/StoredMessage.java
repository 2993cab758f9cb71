package dev.officeflow.googlesim.gmail;

import dev.officeflow.simkit.mailbox.MailMessage;
import java.util.List;

/**
 * A message in a mailbox with its current labels and the id of the last history record that touched
 * it. Immutable; a change stores a new instance.
 */
public record StoredMessage(MailMessage message, List<String> labelIds, long historyId) {

  public StoredMessage {
    labelIds = List.copyOf(labelIds);
  }

  public String id() {
    return message.id();
  }

  public String threadId() {
    return message.threadId();
  }

  public boolean hasLabel(String label) {
    return labelIds.contains(label);
  }
}
