package dev.officeflow.events.contract;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.events.ProgressState;
import dev.officeflow.events.Recurrence;
import dev.officeflow.events.SyncType;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The prose of the published schemas: what each event is, and the rules only the codec checks
 * because they span fields. Kept apart from the generator so the text can be read in one place.
 */
final class Notes {

  private static final String CONTRACT =
      " This schema is the writer's contract: what officeflow writes. Readers ignore properties"
          + " they do not know; officeflow's reader (EventCodec) is also lenient where this schema"
          + " is strict: timestamps with any offset or none (read as UTC), the legacy sync_type"
          + " values backfill and sync, provider product names (gmail, outlook), missing lists and"
          + " texts, and the shapes officeflow wrote before.";

  private static final String DATA_RULES =
      " Only the codec checks, across fields: an event has its payload or a payload_ref (the"
          + " codec refuses one with neither; officeflow always writes the payload, and still reads"
          + " the earlier shape with a null payload beside payload_ref).";

  private static final Map<EventType, String> EVENTS =
      Map.of(
          EventType.EMAIL,
          "An email was created, changed or deleted at the provider.",
          EventType.CALENDAR,
          "A calendar event was created, changed or cancelled; calendar_id is repeated at the top"
              + " level.",
          EventType.CONTACT,
          "A contact was discovered, rescored, changed or removed; the contacts service's scores"
              + " travel in metadata.tags.",
          EventType.DOCUMENT,
          "A document was created, changed or deleted; content_type repeats the document's.",
          EventType.TODO,
          "A task was created, changed or deleted; list_id names its list.",
          EventType.INTEGRATION,
          "A user's connection to a provider was created (connected), updated (a status change,"
              + " e.g. revoked) or deleted (disconnected).",
          EventType.USER,
          "A person was created, changed or deleted in the user service; on delete every service"
              + " purges what it holds for user_id.",
          EventType.PROGRESS,
          "How far one backfill job has come: its phase, counts, percent, whether what it read is"
              + " still provisional, and its failure or completion. Operation create for a job's"
              + " first report, update after; batch_id is the job id.");

  private static final Map<Class<?>, String> DEFINITIONS =
      Map.of(
          EventMetadata.class,
          "The envelope: identity, origin, trace context and correlation.",
          PayloadRef.class,
          "A claim check: the whole payload, stored in Redis, and how to verify it.",
          Recurrence.class,
          "A recurring event's rules as RFC 5545 content lines, grouped by property.",
          CalendarEntry.Attendee.class,
          "One attendee with what the provider knows of them (an officeflow extension).",
          Operation.class,
          "What happened to the item.",
          SyncType.class,
          "How a data event was produced: a backfill, an incremental window, or a live change.",
          IntegrationStatus.class,
          "The state of a user's connection to a provider.",
          ProgressState.class,
          "Where a backfill job stands: running, retrying (waiting for its next attempt),"
              + " completed or failed.");

  private Notes() {}

  /** One sentence: what an event of {@code type} says happened. */
  static String summary(EventType type) {
    return EVENTS.get(type);
  }

  /** The description of an event type's schema. */
  static String event(EventType type) {
    String what =
        EVENTS.get(type)
            + " The data of a message on topic "
            + type.topic()
            + " (ce-type "
            + type.ceType()
            + ").";
    String rules =
        DataEvent.class.isAssignableFrom(type.eventClass())
            ? DATA_RULES
            : " No rule spans fields: every check is in this schema.";
    if (type == EventType.CALENDAR) {
      rules += " And event.end_time is not before event.start_time.";
    }
    if (type == EventType.PROGRESS) {
      rules =
          " One rule spans fields, and this schema says it (if/then): error is non-blank text"
              + " when state is retrying or failed.";
    }
    return what + CONTRACT + rules;
  }

  /** The description of a nested record or enum, or null. */
  static @Nullable String definition(Class<?> type) {
    return DEFINITIONS.get(type);
  }

  static ObjectNode timestamp() {
    ObjectNode schema =
        described(
            "RFC 3339 in UTC with Z, as officeflow writes it: 2026-11-01T09:30:00.123Z (fraction"
                + " optional, up to nine digits).");
    schema.put("type", "string");
    schema.put("format", "date-time");
    schema.put("pattern", Patterns.TIMESTAMP);
    return schema;
  }

  static ObjectNode nonBlankString() {
    ObjectNode schema =
        described("Text with a character that is not white space: the codec refuses blank.");
    schema.put("type", "string");
    schema.put("pattern", Patterns.NOT_BLANK);
    return schema;
  }

  /** A new schema that starts with its description. */
  static ObjectNode described(String description) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("description", description);
    return schema;
  }
}
