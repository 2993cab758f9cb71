package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.OutlookItem;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.providers.microsoft.calendar.EventMapper;
import dev.officeflow.office.providers.microsoft.contacts.ContactMapper;
import dev.officeflow.office.providers.microsoft.mail.MessageMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link ChangeMappings} over the backfill's mappers ({@code mail.MessageMapper}, {@code
 * calendar.EventMapper}, {@code contacts.ContactMapper}), tagged like the backfill's events ({@code
 * tags.account}, and {@code tags.direction} for mail). Graph gives every item its modification
 * time: an item unchanged since it was created is a {@code create} at its received (or
 * modification) time, so it has the backfill's keys; a changed one an {@code update} at its
 * modification time; a cancelled event, and anything delta reports removed, a {@code delete} at the
 * time of the read ({@link Tombstones}).
 */
final class MappedChanges implements ChangeMappings {

  private final String service;
  private final String version;
  private final Clock clock;

  MappedChanges(String service, String version, Clock clock) {
    this.service = service;
    this.version = version;
    this.clock = clock;
  }

  @Override
  public Optional<OfficeEvent> message(Context context, Message message, SyncType syncType) {
    boolean sent = context.resource() == GraphResource.SENT_ITEMS;
    return MessageMapper.map(message, context.account(), sent)
        .map(
            mapped -> {
              Operation operation = operation(message);
              Instant lastUpdated =
                  operation == Operation.CREATE
                      ? mapped.email().receivedDate()
                      : modified(message).orElse(clock.instant());
              String direction = mapped.outbound() ? "outbound" : "inbound";
              return email(context, direction, operation, lastUpdated, mapped.email(), syncType);
            });
  }

  @Override
  public Optional<OfficeEvent> event(Context context, Event event, SyncType syncType) {
    if (EventMapper.cancelled(event)) {
      return Optional.ofNullable(event.getId()).flatMap(id -> removed(context, id, syncType));
    }
    return EventMapper.map(event)
        .map(
            entry ->
                calendar(
                    context,
                    operation(event),
                    EventMapper.lastUpdated(event).orElse(clock.instant()),
                    entry,
                    syncType));
  }

  @Override
  public Optional<OfficeEvent> contact(Context context, Contact contact, SyncType syncType) {
    return ContactMapper.map(contact, clock.instant())
        .map(
            mapped ->
                new ContactEvent(
                    metadata(context, null),
                    context.userId(),
                    operation(contact),
                    null,
                    mapped.updated(),
                    clock.instant(),
                    context.provider(),
                    syncType,
                    mapped.contact(),
                    null));
  }

  @Override
  public Optional<OfficeEvent> removed(Context context, String itemId, SyncType syncType) {
    Instant now = clock.instant();
    String provider = context.provider();
    return Optional.of(
        switch (context.resource()) {
          case INBOX, SENT_ITEMS ->
              email(
                  context,
                  null,
                  Operation.DELETE,
                  now,
                  Tombstones.email(provider, itemId, now),
                  syncType);
          case EVENTS ->
              calendar(
                  context,
                  Operation.DELETE,
                  now,
                  Tombstones.event(provider, itemId, now),
                  syncType);
          case CONTACTS ->
              new ContactEvent(
                  metadata(context, null),
                  context.userId(),
                  Operation.DELETE,
                  null,
                  now,
                  now,
                  provider,
                  syncType,
                  Tombstones.contact(provider, itemId, now),
                  null);
        });
  }

  /** {@code create} while the item is as it was created, else {@code update}. */
  private static Operation operation(OutlookItem item) {
    boolean untouched =
        item.getCreatedDateTime() != null
            && Objects.equals(item.getCreatedDateTime(), item.getLastModifiedDateTime());
    return untouched ? Operation.CREATE : Operation.UPDATE;
  }

  private static Optional<Instant> modified(OutlookItem item) {
    return Optional.ofNullable(item.getLastModifiedDateTime()).map(OffsetDateTime::toInstant);
  }

  private OfficeEvent email(
      Context context,
      @Nullable String direction,
      Operation operation,
      Instant lastUpdated,
      Email email,
      SyncType syncType) {
    return new EmailEvent(
        metadata(context, direction),
        context.userId(),
        operation,
        null,
        lastUpdated,
        clock.instant(),
        context.provider(),
        syncType,
        email,
        null);
  }

  private OfficeEvent calendar(
      Context context,
      Operation operation,
      Instant lastUpdated,
      CalendarEntry entry,
      SyncType syncType) {
    return new CalendarEvent(
        metadata(context, null),
        context.userId(),
        operation,
        null,
        lastUpdated,
        clock.instant(),
        context.provider(),
        syncType,
        entry,
        null,
        Tombstones.CALENDAR_ID);
  }

  private EventMetadata metadata(Context context, @Nullable String direction) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("account", context.account());
    if (direction != null) {
      tags.put("direction", direction);
    }
    return EventMetadata.create(service, version, context.userId(), clock).withTags(tags);
  }
}
