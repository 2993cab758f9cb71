package dev.officeflow.events.contract;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.codec.EventCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events as officeflow writes them: every type, each data event in every sync type and every
 * publishing mode (whole payload, pointer, metadata-only, both), plus sparse and other-provider
 * variants. Variants are made on the wire JSON and read back by the codec, so each one is an event
 * the records accept; the codec then writes it again.
 */
final class WrittenEvents {

  static final EventCodec CODEC = new EventCodec();

  /** One event as written, named for test reports. */
  record Written(String name, EventType type, OfficeEvent event) {
    JsonNode json() {
      return ContractSchemas.JSON.readTree(CODEC.encode(event));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private WrittenEvents() {}

  static List<Written> all() {
    List<Written> written = new ArrayList<>();
    for (OfficeEvent fixture : EventFixtures.oneOfEach("user-1")) {
      EventType type = EventType.of(fixture);
      String name = fixture.getClass().getSimpleName();
      for (Written variant : variants(name, type, fixture)) {
        if (variant.event() instanceof DataEvent<?> data) {
          written.addAll(modes(variant.name(), type, data));
        } else {
          written.add(variant);
        }
      }
    }
    return written;
  }

  private static List<Written> variants(String name, EventType type, OfficeEvent fixture) {
    List<Written> variants = new ArrayList<>();
    variants.add(new Written(name, type, fixture));
    if (fixture instanceof DataEvent<?>) {
      for (SyncType sync : SyncType.values()) {
        variants.add(
            rewritten(
                name + " " + sync.wire(), type, fixture, n -> n.put("sync_type", sync.wire())));
      }
    }
    variants.add(
        rewritten(name + " from microsoft", type, fixture, n -> n.put("provider", "outlook")));
    variants.add(rewritten(name + " sparse", type, fixture, WrittenEvents::sparse));
    return variants;
  }

  private static List<Written> modes(String name, EventType type, DataEvent<?> event) {
    DataEvent<?> bodiless = event.withoutBody();
    return List.of(
        new Written(name + ", full", type, event),
        new Written(name + ", pointer", type, event.withPayloadRef(pointerTo(event))),
        new Written(name + ", metadata-only", type, bodiless),
        new Written(
            name + ", metadata-only pointer", type, bodiless.withPayloadRef(pointerTo(bodiless))));
  }

  /** The pointer services/common's PayloadPointers makes for the event's payload. */
  static PayloadRef pointerTo(DataEvent<?> event) {
    byte[] payload = CODEC.encodePayload(event.payload());
    String sha256 = sha256(payload);
    String key =
        PayloadRef.redisKey(
            event.userId(), EventType.of(event).docType(), event.providerItemId(), sha256);
    return new PayloadRef(PayloadRef.REDIS, key, payload.length, sha256);
  }

  /** The event's wire JSON changed by {@code change}, read back by the codec. */
  static Written rewritten(
      String name, EventType type, OfficeEvent event, UnaryOperator<ObjectNode> change) {
    ObjectNode json = (ObjectNode) ContractSchemas.JSON.readTree(CODEC.encode(event));
    byte[] data = ContractSchemas.JSON.writeValueAsBytes(change.apply(json));
    return new Written(name, type, CODEC.decode(data, type));
  }

  /** Every optional value the codec reads as absent left out: nulls, empty lists and objects. */
  private static ObjectNode sparse(ObjectNode event) {
    for (String field : List.of("batch_id", "list_id")) {
      if (event.has(field)) {
        event.putNull(field);
      }
    }
    ObjectNode metadata = event.withObjectProperty("metadata");
    metadata.putNull("parent_span_id").putNull("request_id").putNull("user_id");
    metadata.putNull("correlation_id").putObject("tags");
    for (String payload : List.of("email", "event", "contact", "document", "todo")) {
      if (event.get(payload) instanceof ObjectNode object) {
        emptied(object);
      }
    }
    return event;
  }

  private static void emptied(ObjectNode payload) {
    for (String name : List.copyOf(payload.propertyNames())) {
      JsonNode value = payload.get(name);
      if (value.isArray()) {
        payload.putArray(name);
      } else if (value.isObject() && !name.equals("recurrence")) {
        payload.putObject(name);
      } else if (List.of(
              "description",
              "location",
              "recurrence",
              "color_id",
              "html_link",
              "sent_date",
              "size_bytes",
              "mime_type",
              "given_name",
              "family_name",
              "notes",
              "last_modified",
              "url",
              "created_at",
              "modified_at",
              "due_date",
              "completed_date",
              "assignee_email",
              "parent_todo_id")
          .contains(name)) {
        payload.putNull(name);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
