package dev.officeflow.events.legacy;

import dev.officeflow.events.EventMetadata;
import java.util.List;

/**
 * One message of a deprecated shape: its envelope and its items (one for an update event, the batch
 * for the others). {@code P} is officeflow's payload record, which follows the reference's item
 * models ({@code EmailData}, {@code CalendarEventData}, {@code ContactData}).
 */
public sealed interface LegacyEvent<P>
    permits EmailBackfillEvent,
        EmailBatchEvent,
        EmailUpdateEvent,
        CalendarUpdateEvent,
        CalendarBatchEvent,
        ContactUpdateEvent,
        ContactBatchEvent {

  EventMetadata metadata();

  String userId();

  /** The items this message carries, in their order. */
  List<P> items();

  /** The same envelope with {@code items} in place of its own. */
  LegacyEvent<P> withItems(List<P> items);

  default LegacyShape shape() {
    return LegacyShape.of(getClass());
  }
}
