package dev.officeflow.graphsim.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message to add to a mailbox. A blank {@code fromEmail} (or the owner's) means the owner sent it
 * and it lands in sent items; otherwise it arrives in the inbox. Empty {@code to} means the owner.
 *
 * @param conversationId an existing conversation to reply into, or null for a new one
 * @param received the received time, or null for the simulator clock's now
 */
public record NewMessage(
    String fromName,
    String fromEmail,
    List<String> to,
    List<String> cc,
    List<String> bcc,
    String subject,
    String text,
    List<String> categories,
    boolean isRead,
    @Nullable String conversationId,
    @Nullable Instant received) {

  public NewMessage {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    categories = List.copyOf(categories);
  }

  /** An unread message from {@code fromEmail} to the owner, now. */
  public static NewMessage from(String fromName, String fromEmail, String subject, String text) {
    return new NewMessage(
        fromName, fromEmail, List.of(), List.of(), List.of(), subject, text, List.of(), false, null,
        null);
  }

  /** A message the owner sends to {@code to}, now. */
  public static NewMessage sent(List<String> to, String subject, String text) {
    return new NewMessage(
        "", "", to, List.of(), List.of(), subject, text, List.of(), true, null, null);
  }

  public NewMessage at(Instant when) {
    return new NewMessage(
        fromName, fromEmail, to, cc, bcc, subject, text, categories, isRead, conversationId, when);
  }
}
