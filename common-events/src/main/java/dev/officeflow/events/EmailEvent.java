package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An email was created, changed or deleted at the provider. */
public record EmailEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    SyncType syncType,
    @Nullable Email email,
    @Nullable PayloadRef payloadRef)
    implements DataEvent<Email> {

  public EmailEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    // The reference has no sync_type on most events (and "sync" by default on emails): absent
    // reads as incremental_sync. officeflow always writes it.
    syncType = syncType == null ? SyncType.INCREMENTAL_SYNC : syncType;
    DataEvents.checkPayload(email, payloadRef, "email");
  }

  @Override
  public @Nullable Email payload() {
    return email;
  }

  @Override
  public String providerItemId() {
    return email != null ? email.providerMessageId() : DataEvents.docId(payloadRef, "email");
  }

  @Override
  public EmailEvent withPayload(Email payload) {
    return new EmailEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        payload,
        null);
  }

  @Override
  public EmailEvent withPayloadRef(PayloadRef ref) {
    return new EmailEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        email == null ? null : email.withoutBody(),
        ref);
  }

  @Override
  public EmailEvent withoutBody() {
    return new EmailEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        email == null ? null : email.withoutBody(),
        payloadRef);
  }

  @Override
  public EmailEvent withMetadata(EventMetadata metadata) {
    return new EmailEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        email,
        payloadRef);
  }

  @Override
  public Class<Email> payloadType() {
    return Email.class;
  }
}
