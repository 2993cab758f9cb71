package dev.officeflow.vespaloader.document;

import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import org.jspecify.annotations.Nullable;

/** The {@code email} document: subject as title, body as content, addresses and flags. */
final class EmailFields {

  /** The {@code metadata.tags} entry that names the provider account's own address. */
  static final String ACCOUNT_TAG = "account";

  private static final String SENT_LABEL = "SENT";

  private EmailFields() {}

  static void add(EmailEvent event, Email email, Fields fields) {
    fields
        .put("title", email.subject())
        .put("content", email.body())
        .millis("created_at", email.sentDate() != null ? email.sentDate() : email.receivedDate())
        .put("thread_id", email.threadId())
        .address("from_address", email.fromAddress())
        .addresses("to_addresses", email.toAddresses())
        .addresses("cc_addresses", email.ccAddresses())
        .millis("received_date", email.receivedDate())
        .millis("sent_date", email.sentDate())
        .put("labels", email.labels())
        .put("is_read", email.isRead())
        .put("is_starred", email.isStarred())
        .put("has_attachments", email.hasAttachments())
        .put("size_bytes", email.sizeBytes())
        .put("direction", direction(email, event.metadata().tags().get(ACCOUNT_TAG)));
  }

  /**
   * {@code outbound} when the account itself sent it. The account's address travels in {@code
   * metadata.tags.account}; events without it (reference producers) fall back to Gmail's {@code
   * SENT} label.
   */
  static String direction(Email email, @Nullable String account) {
    boolean sent =
        account != null
            ? account.equalsIgnoreCase(String.valueOf(email.fromAddress()).trim())
            : email.labels().contains(SENT_LABEL);
    return sent ? "outbound" : "inbound";
  }
}
