package dev.officeflow.contacts.outbox;

import dev.officeflow.contacts.address.AddressSealer;
import dev.officeflow.contacts.outbox.store.OutboxStore.StoredRow;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the {@code ContactEvent} an outbox row stands for: the event id, {@code last_updated}
 * and scores as written, the address unsealed. Building it twice gives the same event, so a
 * re-published row is a duplicate consumers recognise. Thread-safe.
 */
final class ContactEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> TAGS = new TypeReference<>() {};

  private final AddressSealer sealer;
  private final String service;
  private final String version;

  ContactEvents(AddressSealer sealer, String service, String version) {
    this.sealer = sealer;
    this.service = service;
    this.version = version;
  }

  /**
   * The row's event.
   *
   * @throws IllegalArgumentException when the row cannot become an event (its address does not
   *     open, its tags are not a JSON object of text, a value is invalid)
   */
  ContactEvent of(StoredRow row) {
    byte[] sealed = row.sealedAddress();
    List<String> addresses =
        sealed == null ? List.of() : List.of(sealer.open(row.userId(), row.contactHash(), sealed));
    String name = row.displayName();
    Contact contact =
        new Contact(
            row.contactHash(),
            name == null ? "" : name,
            null,
            null,
            addresses,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            row.provider(),
            row.contactHash(),
            List.of(),
            List.of(),
            List.of(),
            row.lastUpdated());
    // The scores are officeflow's, not the person's: they travel in the metadata's tags, which the
    // reference types as a free-form object, while the contact's own tags are a list of labels.
    EventMetadata metadata =
        new EventMetadata(
            row.eventId(),
            row.lastUpdated(),
            service,
            version,
            EventMetadata.NO_TRACE_ID,
            EventMetadata.NO_SPAN_ID,
            null,
            null,
            row.userId(),
            null,
            tags(row));
    return new ContactEvent(
        metadata,
        row.userId(),
        Operation.fromWire(row.operation()),
        null,
        row.lastUpdated(),
        row.lastUpdated(),
        row.provider(),
        SyncType.fromWire(row.syncType()),
        contact,
        null);
  }

  private static Map<String, String> tags(StoredRow row) {
    try {
      return JSON.readValue(row.tagsJson(), TAGS);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("outbox row " + row.id() + ": tags are not text", e);
    }
  }
}
