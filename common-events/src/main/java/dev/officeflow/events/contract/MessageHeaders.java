package dev.officeflow.events.contract;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Pub/Sub attributes of a message as a schema (AsyncAPI message headers): the CloudEvents
 * binary-mode attributes {@link EventAttributes#of} writes, and the ones the consumer runtime adds
 * when it dead-letters a message. Attribute values are always strings.
 */
final class MessageHeaders {

  /** Added by services/common's {@code DeadLetterPublisher}, spelled there as literals. */
  static final String ERROR_MESSAGE_ID = "error_message_id";

  static final String ERROR_DELIVERY_ATTEMPT = "error_delivery_attempt";

  private MessageHeaders() {}

  /** Always set, whatever the event ({@link EventAttributes#of}). */
  private static final List<String> ALWAYS =
      List.of(
          EventAttributes.SPEC_VERSION,
          EventAttributes.ID,
          EventAttributes.TYPE,
          EventAttributes.SOURCE,
          EventAttributes.TIME,
          EventAttributes.SUBJECT,
          EventAttributes.CONTENT_TYPE,
          EventAttributes.OPERATION);

  /** The attributes officeflow publishes with an event of {@code type}. */
  static ObjectNode of(EventType type) {
    boolean data = DataEvent.class.isAssignableFrom(type.eventClass());
    ObjectNode schema =
        Notes.described(
            "CloudEvents binary-mode attributes, so a reader can route without parsing the data."
                + " Messages from the reference services carry none: then the topic says the"
                + " type.");
    schema.put("type", "object");
    schema.set("properties", properties(type, data));
    ArrayNode required = schema.putArray("required");
    ALWAYS.forEach(required::add);
    if (data) {
      required.add(EventAttributes.SYNC_TYPE);
    }
    schema.set("additionalProperties", EventSchemas.type("string"));
    return schema;
  }

  private static ObjectNode properties(EventType type, boolean data) {
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    properties.set(EventAttributes.SPEC_VERSION, constant("1.0"));
    properties.set(EventAttributes.ID, string("= metadata.event_id", Patterns.UUID));
    properties.set(EventAttributes.TYPE, constant(type.ceType()));
    properties.set(
        EventAttributes.SOURCE,
        string(
            "//officeflow/ and metadata.source_service",
            Patterns.prefixedNotBlank("//officeflow/")));
    properties.set(EventAttributes.TIME, string("= metadata.timestamp", Patterns.TIMESTAMP));
    properties.set(EventAttributes.SUBJECT, string("= user_id", Patterns.NOT_BLANK));
    properties.set(EventAttributes.CONTENT_TYPE, constant("application/json"));
    properties.set(
        EventAttributes.CORRELATION_ID, string("= metadata.correlation_id, when it is set", null));
    properties.set(EventAttributes.OPERATION, enumeration("= operation", Operation.class));
    if (data) {
      properties.set(EventAttributes.SYNC_TYPE, enumeration("= sync_type", SyncType.class));
      properties.set(
          EventAttributes.DATAREF,
          string(
              "payload_ref.store:payload_ref.key, when the whole payload is in the store",
              "^[^:]+:[\\s\\S]*" + Patterns.NOT_BLANK));
    }
    properties.set(
        EventAttributes.TRACEPARENT,
        string(
            "W3C traceparent of the publishing span (the attribute Google's clients use), when"
                + " one was active",
            Patterns.TRACEPARENT));
    return properties;
  }

  /** The attributes of a dead-lettered copy: the original's, plus why it was given up. */
  static ObjectNode deadLettered() {
    ObjectNode schema =
        Notes.described(
            "The original message's attributes, kept as they were, plus why officeflow's consumer"
                + " runtime gave up on it. A copy Pub/Sub itself forwarded after the last"
                + " delivery attempt has Pub/Sub's own attributes instead of these.");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.set(
        EventAttributes.ERROR_REASON,
        string("Why, e.g. 'invalid: email.received_date: missing' (at most 900 characters)", null));
    properties.set(
        EventAttributes.ERROR_CLASS,
        string("The reason's leading code: invalid, permanent, unknown_type, ...", null));
    properties.set(
        EventAttributes.ERROR_SUBSCRIPTION, string("The subscription that gave up on it", null));
    properties.set(ERROR_MESSAGE_ID, string("The original message's Pub/Sub message id", null));
    properties.set(
        ERROR_DELIVERY_ATTEMPT,
        string("The delivery attempt that gave up, in decimal", "^[0-9]+$"));
    schema.set("additionalProperties", EventSchemas.type("string"));
    return schema;
  }

  private static ObjectNode constant(String value) {
    ObjectNode schema = EventSchemas.type("string");
    schema.put("const", value);
    return schema;
  }

  private static ObjectNode string(String description, @Nullable String regex) {
    ObjectNode schema = Notes.described(description);
    schema.put("type", "string");
    if (regex != null) {
      schema.put("pattern", regex);
    }
    return schema;
  }

  private static ObjectNode enumeration(String description, Class<?> type) {
    ObjectNode schema = Notes.described(description);
    schema.put("type", "string");
    schema.set("enum", EventSchemas.wireValues(type));
    return schema;
  }
}
