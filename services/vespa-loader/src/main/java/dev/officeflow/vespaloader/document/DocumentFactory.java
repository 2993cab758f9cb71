package dev.officeflow.vespaloader.document;

import ai.vespa.feed.client.DocumentId;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.DocumentEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.TodoEvent;
import dev.officeflow.runtime.consume.PermanentEventException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps data events to Vespa documents (ARCHITECTURE §5): the id {@code
 * id:<namespace>:<doctype>:g=<user_id>:<provider>_<provider id>}, the fields every type shares, and
 * the type's own fields, all named as in {@code infra/vespa/schemas}. An event that cannot become a
 * document throws {@link PermanentEventException}, so it is dead-lettered with the reason.
 * Thread-safe.
 */
public final class DocumentFactory {

  private final String namespace;

  public DocumentFactory(String namespace) {
    this.namespace = namespace;
  }

  /** The id of the document {@code event} is about. */
  public DocumentId id(DataEvent<?> event) {
    String doctype = EventType.of(event).docType();
    String group = group(event.userId());
    return DocumentId.of(
        namespace, doctype, group, event.provider() + "_" + event.providerItemId());
  }

  /**
   * The tombstone of a deleted item (ARCHITECTURE §5): the item's id and identifying fields, {@code
   * deleted = true}, the delete's {@code last_updated} (the version it guards) and {@code
   * deleted_at} = {@code now}, from which Vespa's garbage collection counts its retention. No
   * title, content or other field, so nothing of the item stays searchable.
   */
  public VespaDocument tombstone(DataEvent<?> event, Instant now) {
    DocumentId id = id(event);
    Fields fields =
        new Fields()
            .put("user_id", event.userId())
            .put("doc_type", id.documentType())
            .put("provider", event.provider())
            .put("provider_id", event.providerItemId())
            .millis("last_updated", event.lastUpdated())
            .millis("sync_timestamp", event.syncTimestamp())
            .put("operation", event.operation().wire())
            .put("deleted", true)
            .millis("deleted_at", now);
    return new VespaDocument(id, fields.toMap(), event.lastUpdated().toEpochMilli(), true);
  }

  /** The whole document for a create or update. */
  public VespaDocument document(DataEvent<?> event) {
    DocumentId id = id(event);
    Fields fields = common(event, id.documentType());
    if (event instanceof EmailEvent email) {
      EmailFields.add(email, payload(email.email(), email), fields);
    } else if (event instanceof CalendarEvent calendar) {
      CalendarFields.add(calendar, payload(calendar.event(), calendar), fields);
    } else if (event instanceof ContactEvent contact) {
      ContactFields.add(contact, payload(contact.contact(), contact), fields);
      fields.put("tags", ContactFields.tags(contact.metadata().tags(), contact.contact()));
    } else if (event instanceof DocumentEvent document) {
      OfficeDocumentFields.add(document, payload(document.document(), document), fields);
    } else if (event instanceof TodoEvent todo) {
      TodoFields.add(todo, payload(todo.todo(), todo), fields);
    }
    return new VespaDocument(id, fields.toMap(), event.lastUpdated().toEpochMilli());
  }

  private static Fields common(DataEvent<?> event, String doctype) {
    Map<String, String> tags = event.metadata().tags();
    return new Fields()
        .put("user_id", event.userId())
        .put("doc_type", doctype)
        .put("provider", event.provider())
        .put("provider_id", event.providerItemId())
        .millis("last_updated", event.lastUpdated())
        .millis("sync_timestamp", event.syncTimestamp())
        .put("operation", event.operation().wire())
        .put("batch_id", event.batchId())
        .put("tags", tags);
  }

  /**
   * The user id is the document's group. Vespa parses ids at ':', so a group containing one could
   * not be read back as the same id.
   */
  private static String group(String userId) {
    if (userId.indexOf(':') >= 0) {
      throw new PermanentEventException(
          "user_id '" + userId + "' cannot be a Vespa document group: it contains ':'");
    }
    return userId;
  }

  /** The runtime resolves payload pointers before a handler runs, so a payload is expected. */
  private static <P> P payload(@Nullable P payload, DataEvent<P> event) {
    if (payload == null) {
      throw new PermanentEventException(
          EventType.of(event).docType()
              + " event "
              + event.metadata().eventId()
              + " has no payload");
    }
    return payload;
  }
}
