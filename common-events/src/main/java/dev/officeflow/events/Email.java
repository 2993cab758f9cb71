package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An email's metadata and body, typed as the reference's {@code EmailData}: {@code thread_id},
 * {@code subject}, {@code body} and {@code from_address} are always text, empty when unknown or not
 * carried ({@code body} is empty in {@code metadata_only} mode and beside a {@code payload_ref}).
 * Addresses are bare addresses ({@code ana@example.com}); display names, when known, are in {@code
 * display_names} keyed by address, an officeflow extension that other readers ignore.
 */
public record Email(
    String id,
    String threadId,
    String subject,
    String body,
    String fromAddress,
    List<String> toAddresses,
    List<String> ccAddresses,
    List<String> bccAddresses,
    Instant receivedDate,
    @Nullable Instant sentDate,
    List<String> labels,
    boolean isRead,
    boolean isStarred,
    boolean hasAttachments,
    String provider,
    String providerMessageId,
    @Nullable Long sizeBytes,
    @Nullable String mimeType,
    Map<String, String> headers,
    Map<String, String> displayNames) {

  public Email {
    Check.required(id, "id");
    threadId = Check.text(threadId);
    subject = Check.text(subject);
    body = Check.text(body);
    fromAddress = Check.text(fromAddress);
    toAddresses = Check.list(toAddresses, "to_addresses");
    ccAddresses = Check.list(ccAddresses, "cc_addresses");
    bccAddresses = Check.list(bccAddresses, "bcc_addresses");
    Check.timestamp(receivedDate, "received_date");
    labels = Check.list(labels, "labels");
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(providerMessageId, "provider_message_id");
    if (sizeBytes != null) {
      Check.nonNegative(sizeBytes, "size_bytes");
    }
    headers = Check.map(headers);
    displayNames = Check.map(displayNames);
  }

  /** The same email without its body: {@code metadata_only}, or beside a payload pointer. */
  public Email withoutBody() {
    return withBody("");
  }

  /** The same email with another body. */
  public Email withBody(String body) {
    return new Email(
        id,
        threadId,
        subject,
        body,
        fromAddress,
        toAddresses,
        ccAddresses,
        bccAddresses,
        receivedDate,
        sentDate,
        labels,
        isRead,
        isStarred,
        hasAttachments,
        provider,
        providerMessageId,
        sizeBytes,
        mimeType,
        headers,
        displayNames);
  }
}
