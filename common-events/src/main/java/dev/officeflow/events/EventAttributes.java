package dev.officeflow.events;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Pub/Sub message attributes in CloudEvents binary mode, so any CloudEvents reader can route a
 * message without parsing its data (ARCHITECTURE §4).
 */
public final class EventAttributes {

  public static final String SPEC_VERSION = "ce-specversion";
  public static final String ID = "ce-id";
  public static final String TYPE = "ce-type";
  public static final String SOURCE = "ce-source";
  public static final String TIME = "ce-time";
  public static final String SUBJECT = "ce-subject";
  public static final String CORRELATION_ID = "ce-correlationid";
  public static final String DATAREF = "ce-dataref";
  public static final String CONTENT_TYPE = "content-type";
  public static final String OPERATION = "operation";
  public static final String SYNC_TYPE = "sync_type";

  /** W3C trace context, under the attribute Google's own Pub/Sub clients use. */
  public static final String TRACEPARENT = "googclient_traceparent";

  /** Set on dead-lettered copies: why the message was given up, and the failure's class. */
  public static final String ERROR_REASON = "error_reason";

  public static final String ERROR_CLASS = "error_class";

  /** Set on dead-lettered copies: the subscription that gave up on the message. */
  public static final String ERROR_SUBSCRIPTION = "error_subscription";

  /** Dead letters only: the Pub/Sub message id the message had on its original subscription. */
  public static final String ERROR_MESSAGE_ID = "error_message_id";

  /** Dead letters only: the delivery attempt that gave up (1 for a permanent failure). */
  public static final String ERROR_DELIVERY_ATTEMPT = "error_delivery_attempt";

  private EventAttributes() {}

  /** The attributes of {@code event}; {@code traceparent} is added when not null. */
  public static Map<String, String> of(OfficeEvent event, @Nullable String traceparent) {
    EventMetadata metadata = event.metadata();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(SPEC_VERSION, "1.0");
    attributes.put(ID, metadata.eventId());
    attributes.put(TYPE, EventType.of(event).ceType());
    attributes.put(SOURCE, "//officeflow/" + metadata.sourceService());
    attributes.put(TIME, DateTimeFormatter.ISO_INSTANT.format(metadata.timestamp()));
    attributes.put(SUBJECT, event.userId());
    attributes.put(CONTENT_TYPE, "application/json");
    putIfPresent(attributes, CORRELATION_ID, metadata.correlationId());
    attributes.put(OPERATION, event.operation().wire());
    if (event instanceof DataEvent<?> data) {
      attributes.put(SYNC_TYPE, data.syncType().wire());
      if (data.payloadRef() != null) {
        attributes.put(DATAREF, data.payloadRef().store() + ":" + data.payloadRef().key());
      }
    }
    putIfPresent(attributes, TRACEPARENT, traceparent);
    return attributes;
  }

  /**
   * The event type of a message: from {@code ce-type} when present, else from its topic (the
   * reference services publish no attributes). Empty when {@code ce-type} names no known type.
   */
  public static Optional<EventType> typeOf(Map<String, String> attributes, String topic) {
    String ceType = attributes.get(TYPE);
    return ceType == null ? EventType.ofTopic(topic) : EventType.ofCeType(ceType);
  }

  private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
