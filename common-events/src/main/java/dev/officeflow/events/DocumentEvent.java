package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A document was created, changed or deleted; {@code content_type} is its MIME type. */
public record DocumentEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    SyncType syncType,
    @Nullable Document document,
    @Nullable PayloadRef payloadRef,
    String contentType)
    implements DataEvent<Document> {

  public DocumentEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    // The reference has no sync_type on most events (and "sync" by default on emails): absent
    // reads as incremental_sync. officeflow always writes it.
    syncType = syncType == null ? SyncType.INCREMENTAL_SYNC : syncType;
    DataEvents.checkPayload(document, payloadRef, "document");
    contentType =
        contentType == null || contentType.isBlank()
            ? (document == null ? "" : document.contentType())
            : contentType;
  }

  @Override
  public @Nullable Document payload() {
    return document;
  }

  @Override
  public String providerItemId() {
    return document != null
        ? document.providerDocumentId()
        : DataEvents.docId(payloadRef, "office_document");
  }

  @Override
  public DocumentEvent withPayload(Document payload) {
    return new DocumentEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        payload,
        null,
        contentType);
  }

  @Override
  public DocumentEvent withPayloadRef(PayloadRef ref) {
    return new DocumentEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        document == null ? null : document.withoutContent(),
        ref,
        contentType);
  }

  @Override
  public DocumentEvent withoutBody() {
    return new DocumentEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        document == null ? null : document.withoutContent(),
        payloadRef,
        contentType);
  }

  @Override
  public DocumentEvent withMetadata(EventMetadata metadata) {
    return new DocumentEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        document,
        payloadRef,
        contentType);
  }

  @Override
  public Class<Document> payloadType() {
    return Document.class;
  }
}
