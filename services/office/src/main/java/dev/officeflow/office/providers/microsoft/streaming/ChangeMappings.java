package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Message;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.SyncType;
import java.util.Optional;

/**
 * Items read by a delta round as the events to publish. The mapping to the event records is the
 * backfill's ({@code providers.microsoft.mail|calendar|contacts}); {@link MappedChanges} adapts it
 * to what a change is (create, update, delete, and when), so streaming and backfill cannot map one
 * item two ways.
 */
interface ChangeMappings {

  /** Who and what a mapped item belongs to. */
  record Context(String userId, String account, String provider, GraphResource resource) {}

  /** A new or changed message of the inbox or sent items; empty when it cannot be mapped. */
  Optional<OfficeEvent> message(Context context, Message message, SyncType syncType);

  /** A new or changed event (a cancelled one is a delete); empty when it cannot be mapped. */
  Optional<OfficeEvent> event(Context context, Event event, SyncType syncType);

  Optional<OfficeEvent> contact(Context context, Contact contact, SyncType syncType);

  /** An item delta reported {@code @removed}: a delete carrying its id. */
  Optional<OfficeEvent> removed(Context context, String itemId, SyncType syncType);
}
