package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A document (a file in a provider's drive). */
public record Document(
    String id,
    @Nullable String title,
    @Nullable String content,
    @Nullable String owner,
    String provider,
    String providerDocumentId,
    @Nullable String url,
    @Nullable Long sizeBytes,
    @Nullable Instant createdAt,
    @Nullable Instant modifiedAt) {

  public Document {
    Check.required(id, "id");
    Check.required(provider, "provider");
    Check.required(providerDocumentId, "provider_document_id");
    if (sizeBytes != null) {
      Check.nonNegative(sizeBytes, "size_bytes");
    }
  }

  /** The same document without its content, for {@code metadata_only} producers. */
  public Document withoutContent() {
    return new Document(
        id,
        title,
        null,
        owner,
        provider,
        providerDocumentId,
        url,
        sizeBytes,
        createdAt,
        modifiedAt);
  }
}
