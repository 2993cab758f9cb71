package dev.officeflow.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A calendar event was created, changed or cancelled; {@code calendar_id} is repeated at the top
 * level.
 */
public record CalendarEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    SyncType syncType,
    @Nullable CalendarEntry event,
    @Nullable PayloadRef payloadRef,
    String calendarId)
    implements DataEvent<CalendarEntry> {

  public CalendarEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    // The reference has no sync_type on most events (and "sync" by default on emails): absent
    // reads as incremental_sync. officeflow always writes it.
    syncType = syncType == null ? SyncType.INCREMENTAL_SYNC : syncType;
    DataEvents.checkPayload(event, payloadRef, "event");
    Check.required(calendarId, "calendar_id");
  }

  @Override
  public @Nullable CalendarEntry payload() {
    return event;
  }

  @Override
  public String providerItemId() {
    return event != null ? event.providerEventId() : DataEvents.docId(payloadRef, "calendar_event");
  }

  @Override
  public CalendarEvent withPayload(CalendarEntry payload) {
    return new CalendarEvent(
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
        calendarId);
  }

  @Override
  public CalendarEvent withPayloadRef(PayloadRef ref) {
    return new CalendarEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        event == null ? null : event.withoutDescription(),
        ref,
        calendarId);
  }

  @Override
  public CalendarEvent withoutBody() {
    return new CalendarEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        event == null ? null : event.withoutDescription(),
        payloadRef,
        calendarId);
  }

  @Override
  public CalendarEvent withMetadata(EventMetadata metadata) {
    return new CalendarEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        syncType,
        event,
        payloadRef,
        calendarId);
  }

  @Override
  public Class<CalendarEntry> payloadType() {
    return CalendarEntry.class;
  }
}
