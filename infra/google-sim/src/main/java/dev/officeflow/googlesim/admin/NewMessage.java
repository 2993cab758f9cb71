package dev.officeflow.googlesim.admin;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to add to a mailbox. Blank {@code fromEmail} means the owner sent it; empty {@code to}
 * means it was sent to the owner; empty {@code labelIds} picks Gmail's defaults (INBOX, UNREAD,
 * CATEGORY_PERSONAL inbound; SENT outbound).
 *
 * @param threadId an existing thread to reply into, or null for a new thread
 * @param date the internal date, or null for the simulator clock's now
 */
public record NewMessage(
    String fromName,
    String fromEmail,
    List<String> to,
    List<String> cc,
    String subject,
    String text,
    List<String> labelIds,
    @Nullable String threadId,
    @Nullable Instant date) {

  public NewMessage {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    labelIds = List.copyOf(labelIds);
  }

  /** An inbound message from {@code fromEmail} to the owner, now. */
  public static NewMessage from(String fromName, String fromEmail, String subject, String text) {
    return new NewMessage(
        fromName, fromEmail, List.of(), List.of(), subject, text, List.of(), null, null);
  }

  public NewMessage inThread(String existingThreadId) {
    return new NewMessage(
        fromName, fromEmail, to, cc, subject, text, labelIds, existingThreadId, date);
  }

  public NewMessage at(Instant when) {
    return new NewMessage(fromName, fromEmail, to, cc, subject, text, labelIds, threadId, when);
  }
}
