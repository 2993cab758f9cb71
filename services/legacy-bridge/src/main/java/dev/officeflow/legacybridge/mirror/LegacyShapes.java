package dev.officeflow.legacybridge.mirror;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.legacy.CalendarUpdateEvent;
import dev.officeflow.events.legacy.ContactUpdateEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One typed event in the reference's deprecated shape. Everything comes from the typed event, not
 * from a clock, so a redelivered event yields the same legacy message: its {@code event_id} is
 * name-based (UUID v3) on the typed event id, its {@code timestamp} the typed one's. The trace,
 * correlation, request, user and tags are kept; {@code source_service} is {@value
 * LegacyLoop#MIRROR_SOURCE}, by which the bridge knows not to bridge it back.
 *
 * <p>A backfill's email (a {@code batch_sync} create) goes to {@code email-backfill} as an {@code
 * EmailBackfillEvent} of that one email: the reference's readers of {@code email-backfill} parse
 * every message there as that shape, and one email per message keeps a deterministic id per typed
 * event and needs nothing held back or coalesced (so nothing to lose). Every other email is an
 * {@code EmailUpdateEvent} on {@code email-updates}; calendar events and contacts are {@code
 * CalendarUpdateEvent} and {@code ContactUpdateEvent}, which the reference's readers of {@code
 * calendar-updates} and {@code contact-updates} accept beside the batches. {@code update_type} is
 * the operation, {@code change_reason} the sync type ({@code real_time}, {@code incremental_sync},
 * {@code batch_sync}).
 */
final class LegacyShapes {

  private final String sourceVersion;

  LegacyShapes(String sourceVersion) {
    this.sourceVersion = sourceVersion;
  }

  /** A legacy message and the legacy topic it goes to. */
  record Mirrored(String topic, LegacyEvent<?> event) {}

  /** The deterministic event id of the legacy message mirroring {@code typedEventId}. */
  static String eventId(String typedEventId) {
    String name = LegacyLoop.MIRROR_SOURCE + ":" + typedEventId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * @param spanId the mirror's span (the consume span), whose parent is the typed event's span
   * @throws EventValidationException when the typed event has no payload to mirror
   */
  Mirrored of(DataEvent<?> typed, String spanId) {
    EventMetadata metadata = metadata(typed.metadata(), typed.userId(), spanId);
    String updateType = typed.operation().wire();
    String reason = typed.syncType().wire();
    if (typed instanceof EmailEvent e) {
      Email email = payload(e.email(), "email");
      if (e.syncType() == SyncType.BATCH_SYNC && e.operation() == Operation.CREATE) {
        return new Mirrored(Topics.EMAIL_BACKFILL, backfill(metadata, e, email));
      }
      return new Mirrored(
          Topics.EMAIL_UPDATES,
          new EmailUpdateEvent(metadata, e.userId(), email, updateType, reason));
    }
    if (typed instanceof CalendarEvent e) {
      CalendarEntry entry = payload(e.event(), "event");
      return new Mirrored(
          Topics.CALENDAR_UPDATES,
          new CalendarUpdateEvent(metadata, e.userId(), entry, updateType, reason));
    }
    if (typed instanceof ContactEvent e) {
      Contact contact = payload(e.contact(), "contact");
      return new Mirrored(
          Topics.CONTACT_UPDATES,
          new ContactUpdateEvent(metadata, e.userId(), contact, updateType, reason));
    }
    throw new EventValidationException("", "no legacy shape for " + typed.getClass().getName());
  }

  /**
   * One email as a backfill batch: the reference's {@code sync_type} {@code backfill}, the batch's
   * size 1, no range or folder (a typed event has none), {@code processed_count} its default.
   */
  private static EmailBackfillEvent backfill(EventMetadata metadata, EmailEvent e, Email email) {
    return new EmailBackfillEvent(
        metadata,
        e.userId(),
        e.provider(),
        List.of(email),
        1,
        "backfill",
        null,
        null,
        null,
        null,
        0);
  }

  private EventMetadata metadata(EventMetadata typed, String userId, String spanId) {
    return new EventMetadata(
        eventId(typed.eventId()),
        typed.timestamp(),
        LegacyLoop.MIRROR_SOURCE,
        sourceVersion,
        typed.traceId(),
        spanId,
        typed.spanId(),
        typed.requestId(),
        typed.userId() != null ? typed.userId() : userId,
        typed.correlationId(),
        typed.tags());
  }

  /** The runtime resolved any pointer before the handler: a missing payload is a bad event. */
  private static <P> P payload(@Nullable P payload, String field) {
    if (payload == null) {
      throw new EventValidationException(field, "missing (nothing to mirror)");
    }
    return payload;
  }
}
