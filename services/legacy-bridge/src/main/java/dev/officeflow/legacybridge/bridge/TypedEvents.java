package dev.officeflow.legacybridge.bridge;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.legacy.CalendarBatchEvent;
import dev.officeflow.events.legacy.CalendarUpdateEvent;
import dev.officeflow.events.legacy.ContactBatchEvent;
import dev.officeflow.events.legacy.ContactUpdateEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailBatchEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One item of a legacy message as officeflow's typed event. Everything comes from the message, not
 * from a clock, so a redelivered message yields the same events: the event id is name-based (UUID
 * v3) on the legacy event id and the item's position, {@code sync_timestamp} is the legacy
 * message's timestamp, and {@code last_updated}, which no deprecated shape has, is the item's own
 * time where it has one that moves when it changes: an email's {@code received_date} (mail does not
 * change but for flags), a contact's {@code last_modified}, else (calendar events, contacts without
 * it) the legacy message's timestamp, i.e. when the reference service wrote the change.
 */
final class TypedEvents {

  private final String sourceService;
  private final String sourceVersion;

  TypedEvents(String sourceService, String sourceVersion) {
    this.sourceService = sourceService;
    this.sourceVersion = sourceVersion;
  }

  /** The deterministic event id of the item at {@code position} of {@code legacyEventId}. */
  static String eventId(String legacyEventId, int position) {
    String name = "legacy-bridge:" + legacyEventId + ":" + position;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * @throws dev.officeflow.events.EventValidationException when the item does not make a valid
   *     typed event (an unknown {@code update_type}, a missing calendar id)
   */
  DataEvent<?> of(LegacyEvent<?> legacy, int position, Object item) {
    EventMetadata metadata = metadata(legacy.metadata(), legacy.userId(), position);
    Instant written = legacy.metadata().timestamp();
    if (legacy instanceof EmailBackfillEvent e) {
      SyncType syncType = SyncType.fromWire(e.syncType());
      String batchId = e.metadata().eventId();
      return email(
          metadata,
          e.userId(),
          Operation.CREATE,
          batchId,
          written,
          e.provider(),
          syncType,
          (Email) item);
    }
    if (legacy instanceof EmailBatchEvent e) {
      return email(
          metadata,
          e.userId(),
          Operation.CREATE,
          e.batchId(),
          written,
          e.provider(),
          SyncType.BATCH_SYNC,
          (Email) item);
    }
    if (legacy instanceof EmailUpdateEvent e) {
      return email(
          metadata,
          e.userId(),
          Operation.fromWire(e.updateType()),
          null,
          written,
          e.email().provider(),
          SyncType.INCREMENTAL_SYNC,
          e.email());
    }
    if (legacy instanceof CalendarBatchEvent e) {
      return calendar(
          metadata,
          e.userId(),
          Operation.CREATE,
          e.batchId(),
          written,
          e.provider(),
          SyncType.BATCH_SYNC,
          (CalendarEntry) item,
          e.calendarId());
    }
    if (legacy instanceof CalendarUpdateEvent e) {
      CalendarEntry entry = e.event();
      return calendar(
          metadata,
          e.userId(),
          Operation.fromWire(e.updateType()),
          null,
          written,
          entry.provider(),
          SyncType.INCREMENTAL_SYNC,
          entry,
          entry.calendarId());
    }
    if (legacy instanceof ContactBatchEvent e) {
      return contact(
          metadata,
          e.userId(),
          Operation.CREATE,
          e.batchId(),
          written,
          e.provider(),
          SyncType.BATCH_SYNC,
          (Contact) item);
    }
    ContactUpdateEvent e = (ContactUpdateEvent) legacy;
    return contact(
        metadata,
        e.userId(),
        Operation.fromWire(e.updateType()),
        null,
        written,
        e.contact().provider(),
        SyncType.INCREMENTAL_SYNC,
        e.contact());
  }

  /** The legacy message's trace, correlation, request and tags, as the bridge's event. */
  private EventMetadata metadata(EventMetadata legacy, String userId, int position) {
    return new EventMetadata(
        eventId(legacy.eventId(), position),
        legacy.timestamp(),
        sourceService,
        sourceVersion,
        legacy.traceId(),
        legacy.spanId(),
        legacy.parentSpanId(),
        legacy.requestId(),
        userId,
        legacy.correlationId(),
        legacy.tags());
  }

  private static EmailEvent email(
      EventMetadata metadata,
      String userId,
      Operation operation,
      @Nullable String batchId,
      Instant written,
      String provider,
      SyncType syncType,
      Email email) {
    return new EmailEvent(
        metadata,
        userId,
        operation,
        batchId,
        email.receivedDate(),
        written,
        provider,
        syncType,
        email,
        null);
  }

  private static CalendarEvent calendar(
      EventMetadata metadata,
      String userId,
      Operation operation,
      @Nullable String batchId,
      Instant written,
      String provider,
      SyncType syncType,
      CalendarEntry entry,
      String calendarId) {
    return new CalendarEvent(
        metadata,
        userId,
        operation,
        batchId,
        written,
        written,
        provider,
        syncType,
        entry,
        null,
        calendarId);
  }

  private static ContactEvent contact(
      EventMetadata metadata,
      String userId,
      Operation operation,
      @Nullable String batchId,
      Instant written,
      String provider,
      SyncType syncType,
      Contact contact) {
    Instant lastUpdated = contact.lastModified() != null ? contact.lastModified() : written;
    return new ContactEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        written,
        provider,
        syncType,
        contact,
        null);
  }
}
