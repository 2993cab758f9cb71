package dev.officeflow.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A document (a file in a provider's drive), typed as the reference's {@code DocumentData}: {@code
 * title}, {@code content}, {@code content_type} ({@code word}, {@code sheet}, {@code presentation}
 * ...) and {@code owner_email} are always text, empty when unknown ({@code content} is empty beside
 * a payload pointer and in {@code metadata_only} mode); {@code metadata} is free-form. {@code url},
 * {@code size_bytes}, {@code created_at} and {@code modified_at} are officeflow extensions. Reads
 * the {@code owner} officeflow wrote before as {@code owner_email}.
 */
public record Document(
    String id,
    String title,
    String content,
    String contentType,
    String provider,
    String providerDocumentId,
    @JsonAlias("owner") String ownerEmail,
    List<String> permissions,
    List<String> tags,
    @JsonDeserialize(using = LenientShapes.AnyObject.class) Map<String, @Nullable Object> metadata,
    @Nullable String url,
    @Nullable Long sizeBytes,
    @Nullable Instant createdAt,
    @Nullable Instant modifiedAt) {

  public Document {
    Check.required(id, "id");
    title = Check.text(title);
    content = Check.text(content);
    contentType = Check.text(contentType);
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(providerDocumentId, "provider_document_id");
    ownerEmail = Check.text(ownerEmail);
    permissions = Check.list(permissions, "permissions");
    tags = Check.list(tags, "tags");
    metadata = Check.object(metadata);
    if (sizeBytes != null) {
      Check.nonNegative(sizeBytes, "size_bytes");
    }
  }

  /** The same document without its content: {@code metadata_only}, or beside a pointer. */
  public Document withoutContent() {
    return new Document(
        id,
        title,
        "",
        contentType,
        provider,
        providerDocumentId,
        ownerEmail,
        permissions,
        tags,
        metadata,
        url,
        sizeBytes,
        createdAt,
        modifiedAt);
  }
}
