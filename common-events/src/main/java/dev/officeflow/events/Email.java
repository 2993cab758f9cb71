package dev.officeflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An email's metadata (and body, unless the producer runs {@code metadata_only}). Addresses are
 * bare addresses ({@code ana@example.com}); display names, when known, are in {@code display_names}
 * keyed by address, an officeflow extension that other readers ignore.
 */
public record Email(
    String id,
    @Nullable String threadId,
    @Nullable String subject,
    @Nullable String body,
    @Nullable String fromAddress,
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
    toAddresses = Check.list(toAddresses, "to_addresses");
    ccAddresses = Check.list(ccAddresses, "cc_addresses");
    bccAddresses = Check.list(bccAddresses, "bcc_addresses");
    Check.timestamp(receivedDate, "received_date");
    labels = Check.list(labels, "labels");
    Check.required(provider, "provider");
    Check.required(providerMessageId, "provider_message_id");
    if (sizeBytes != null) {
      Check.nonNegative(sizeBytes, "size_bytes");
    }
    headers = Check.map(headers);
    displayNames = Check.map(displayNames);
  }

  /** The same email without its body, for {@code metadata_only} producers. */
  public Email withoutBody() {
    return withBody(null);
  }

  /** The same email with another body. */
  public Email withBody(@Nullable String body) {
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
