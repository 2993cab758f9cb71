package dev.officeflow.simkit.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * A message as it sits in a mailbox, before any API view of it.
 *
 * @param labelIds the labels it arrives with (INBOX, SENT, UNREAD, CATEGORY_*, ...)
 * @param sizeEstimate the size of its RFC 822 form in bytes
 */
public record MailMessage(
    String id,
    String threadId,
    Instant internalDate,
    List<String> labelIds,
    MimePart root,
    String snippet,
    int sizeEstimate) {

  public MailMessage {
    labelIds = List.copyOf(labelIds);
  }
}
