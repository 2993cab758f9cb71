package dev.officeflow.events;

import org.jspecify.annotations.Nullable;

/**
 * An event about one provider item (a message, a calendar event, a contact, ...). Its payload is
 * either inline or, when large, behind a {@link PayloadRef}; exactly one of the two is present.
 *
 * @param <P> the payload record
 */
public sealed interface DataEvent<P> extends OfficeEvent
    permits EmailEvent, CalendarEvent, ContactEvent, DocumentEvent, TodoEvent {

  SyncType syncType();

  /** The inline payload, or null when it travels by {@link #payloadRef()}. */
  @Nullable P payload();

  @Nullable PayloadRef payloadRef();

  /** The provider's id of the item, the last part of its idempotency key. */
  String providerItemId();

  /** The same event with its payload inline and no pointer. */
  DataEvent<P> withPayload(P payload);

  /** The same event with its payload replaced by a pointer. */
  DataEvent<P> withPayloadRef(PayloadRef payloadRef);

  /** The payload's record type, for decoding a payload fetched by pointer. */
  Class<P> payloadType();
}
