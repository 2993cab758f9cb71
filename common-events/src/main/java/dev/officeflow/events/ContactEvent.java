package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A contact was discovered, rescored, changed or removed. */
public record ContactEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    SyncType syncType,
    @Nullable Contact contact,
    @Nullable PayloadRef payloadRef)
    implements DataEvent<Contact> {

  public ContactEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    // The reference has no sync_type on most events (and "sync" by default on emails): absent
    // reads as incremental_sync. officeflow always writes it.
    syncType = syncType == null ? SyncType.INCREMENTAL_SYNC : syncType;
    DataEvents.checkPayload(contact, payloadRef, "contact");
  }

  @Override
  public @Nullable Contact payload() {
    return contact;
  }

  @Override
  public String providerItemId() {
    return contact != null ? contact.providerContactId() : DataEvents.docId(payloadRef, "contact");
  }

  @Override
  public ContactEvent withPayload(Contact payload) {
    return new ContactEvent(
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
  public ContactEvent withPayloadRef(PayloadRef ref) {
    return new ContactEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        contact == null ? null : contact.withoutNotes(),
        ref);
  }

  @Override
  public ContactEvent withoutBody() {
    return new ContactEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        contact == null ? null : contact.withoutNotes(),
        payloadRef);
  }

  @Override
  public ContactEvent withMetadata(EventMetadata metadata) {
    return new ContactEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        contact,
        payloadRef);
  }

  @Override
  public Class<Contact> payloadType() {
    return Contact.class;
  }
}
