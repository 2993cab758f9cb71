package dev.officeflow.events;

import org.jspecify.annotations.Nullable;

/**
 * An event about one provider item (a message, a calendar event, a contact, ...). Its payload is
 * always inline with the fields the reference models require; when it is large, the whole payload
 * is also behind a {@link PayloadRef} and the inline one goes without its body (ARCHITECTURE §4).
 * Events officeflow wrote before carry a pointer and no payload: they stay readable.
 *
 * @param <P> the payload record
 */
public sealed interface DataEvent<P> extends OfficeEvent
    permits EmailEvent, CalendarEvent, ContactEvent, DocumentEvent, TodoEvent {

  SyncType syncType();

  /**
   * The inline payload: whole, or without its body when {@link #payloadRef()} points to the whole
   * one; null only in an event of the earlier shape that has a pointer alone.
   */
  @Nullable P payload();

  @Nullable PayloadRef payloadRef();

  /** The provider's id of the item, the last part of its idempotency key. */
  String providerItemId();

  /** The same event with its payload inline and no pointer. */
  DataEvent<P> withPayload(P payload);

  /** The same event with its whole payload behind a pointer and the inline one without body. */
  DataEvent<P> withPayloadRef(PayloadRef payloadRef);

  /**
   * The same event with its payload's body left out ({@code metadata_only}): an email's body, a
   * calendar event's or task's description, a contact's notes, a document's content.
   */
  DataEvent<P> withoutBody();

  /** The payload's record type, for decoding a payload fetched by pointer. */
  Class<P> payloadType();
}
