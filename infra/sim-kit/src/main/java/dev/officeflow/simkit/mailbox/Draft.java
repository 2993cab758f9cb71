package dev.officeflow.simkit.mailbox;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to build one message; {@link MessageBuilder} turns it into a MIME tree.
 *
 * @param date the Date header and the internal date
 * @param html an HTML alternative, or null for text only
 * @param inReplyTo the Message-ID this replies to, or null
 * @param extraHeaders list and bulk headers, appended after the standard ones
 */
public record Draft(
    String id,
    String threadId,
    Address from,
    List<Address> to,
    List<Address> cc,
    String subject,
    ZonedDateTime date,
    String text,
    @Nullable String html,
    List<Attachment> attachments,
    String messageIdHeader,
    @Nullable String inReplyTo,
    List<String> references,
    List<Header> extraHeaders,
    List<String> labelIds) {

  /** An attachment; its bytes are synthetic, made from {@code seed}. */
  public record Attachment(String filename, String mimeType, int size, long seed) {}

  public Draft {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    attachments = List.copyOf(attachments);
    references = List.copyOf(references);
    extraHeaders = List.copyOf(extraHeaders);
    labelIds = List.copyOf(labelIds);
  }
}
