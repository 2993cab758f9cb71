package dev.officeflow.legacybridge.mirror;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;

/** Typed events as the office and the contacts service publish them, and as the bridge does. */
final class MirrorFixtures {

  /** The bridge's {@code source_service} (its service name, as application.yml sets it). */
  static final String BRIDGE = "legacy-bridge";

  private MirrorFixtures() {}

  /** A backfill's email: {@code batch_sync} and {@code create}. */
  static EmailEvent backfilledEmail(String userId, String providerId) {
    return EventFixtures.emailEvent(userId, providerId);
  }

  /** An email changed at the provider and seen in real time. */
  static EmailEvent email(String userId, String providerId, Operation operation) {
    EmailEvent e = EventFixtures.emailEvent(userId, providerId);
    return new EmailEvent(
        e.metadata(),
        userId,
        operation,
        null,
        e.lastUpdated(),
        e.syncTimestamp(),
        e.provider(),
        SyncType.REAL_TIME,
        e.email(),
        null);
  }

  static CalendarEvent calendar(String userId, String providerId, Operation operation) {
    CalendarEvent e = EventFixtures.calendarEvent(userId, providerId);
    return new CalendarEvent(
        e.metadata(),
        userId,
        operation,
        null,
        e.lastUpdated(),
        e.syncTimestamp(),
        e.provider(),
        e.syncType(),
        e.event(),
        null,
        e.calendarId());
  }

  static ContactEvent contact(String userId, String providerId) {
    return EventFixtures.contactEvent(userId, providerId);
  }

  /** {@code event} as the bridge publishes it, made from a legacy message. */
  static EmailEvent bridged(EmailEvent event) {
    EventMetadata m = event.metadata();
    return event.withMetadata(
        new EventMetadata(
            m.eventId(),
            m.timestamp(),
            BRIDGE,
            m.sourceVersion(),
            m.traceId(),
            m.spanId(),
            m.parentSpanId(),
            m.requestId(),
            m.userId(),
            m.correlationId(),
            m.tags()));
  }
}
