package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.Event;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.providers.google.gmail.EmailMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changed Calendar events as {@link CalendarEvent}s: {@code cancelled} → {@code delete}; otherwise
 * {@code create} when the event has not changed since it was created, else {@code update}. {@code
 * tags.account} is the account's own address, as on backfill events.
 */
final class ChangeEvents {

  private static final String CANCELLED = "cancelled";

  private final String service;
  private final String version;
  private final Clock clock;

  ChangeEvents(String service, String version, Clock clock) {
    this.service = service;
    this.version = version;
    this.clock = clock;
  }

  /** Empty for an event that cannot be placed in time (no id, no start) or is invalid. */
  Optional<CalendarEvent> of(
      CalendarKey key, String account, Event item, ZoneId zone, SyncType syncType) {
    try {
      if (CANCELLED.equals(item.getStatus())) {
        return Optional.ofNullable(item.getId()).map(id -> deleted(key, account, id, syncType));
      }
      return CalendarMapper.map(item, key.calendarId(), zone)
          .map(entry -> changed(key, account, item, entry, syncType));
    } catch (EventValidationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private CalendarEvent changed(
      CalendarKey key, String account, Event item, CalendarEntry entry, SyncType syncType) {
    Instant updated = CalendarMapper.lastUpdated(item).orElse(clock.instant());
    boolean untouched =
        item.getCreated() != null
            && item.getUpdated() != null
            && item.getCreated().getValue() == item.getUpdated().getValue();
    Operation operation = untouched ? Operation.CREATE : Operation.UPDATE;
    return event(key, account, operation, updated, entry, syncType);
  }

  /**
   * Google keeps only the id and status of a cancelled event, so the entry carries those and the
   * time of the listing; {@code last_updated} is that time too, newer than any version before.
   */
  private CalendarEvent deleted(CalendarKey key, String account, String id, SyncType syncType) {
    Instant now = clock.instant();
    CalendarEntry entry =
        new CalendarEntry(
            EmailMapper.PROVIDER + "_" + id,
            null,
            null,
            now,
            now,
            false,
            null,
            null,
            List.of(),
            CANCELLED,
            null,
            EmailMapper.PROVIDER,
            id,
            key.calendarId(),
            null,
            List.of(),
            List.of(),
            null,
            null,
            List.of());
    return event(key, account, Operation.DELETE, now, entry, syncType);
  }

  private CalendarEvent event(
      CalendarKey key,
      String account,
      Operation operation,
      Instant updated,
      CalendarEntry entry,
      SyncType syncType) {
    EventMetadata metadata =
        EventMetadata.create(service, version, key.userId(), clock)
            .withTags(Map.of("account", account));
    return new CalendarEvent(
        metadata,
        key.userId(),
        operation,
        null,
        updated,
        clock.instant(),
        key.provider(),
        syncType,
        entry,
        null,
        key.calendarId());
  }
}
