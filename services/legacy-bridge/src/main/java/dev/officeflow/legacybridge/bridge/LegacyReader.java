package dev.officeflow.legacybridge.bridge;

import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.LegacyEvent;
import dev.officeflow.events.legacy.LegacyShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a legacy message, which carries no attributes, by its fields: exactly one {@link
 * LegacyShape} must match, else the message is refused ({@code unknown_shape}, {@code
 * ambiguous_shape}). A good message is decoded whole, once; any other is read again with the
 * batch's envelope decoded without its items and each item on its own, so a bad item is refused
 * alone; an update's one item is the message, refused whole. Decoding is the event codec's (lenient
 * timestamps, product names, earlier shapes). Thread-safe.
 */
final class LegacyReader {

  private final EventCodec codec;
  private final JsonMapper tree = JsonMapper.builder().build();

  LegacyReader(EventCodec codec) {
    this.codec = codec;
  }

  /**
   * @throws NotALegacyShapeException when the message is no known shape or its envelope is invalid
   */
  LegacyMessage read(byte[] data) {
    return whole(data).orElseGet(() -> itemByItem(data));
  }

  /**
   * The common case, a message whose every item is good, in one decode: its shape from its
   * top-level field names (a streaming scan, no tree), then the whole record. Empty when anything
   * is off (not JSON, no single shape, a bad envelope or item), and {@link #itemByItem} then says
   * what, as it always has: this path only saves the tree and writing each item back to bytes.
   */
  private Optional<LegacyMessage> whole(byte[] data) {
    Optional<LegacyShape> shape = scanShape(data);
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    LegacyEvent<?> event;
    try {
      event = codec.decodePayload(data, shape.get().recordClass(), "");
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    ItemJson json = new ItemJson(data, shape.get().itemsField());
    List<?> payloads = event.items();
    List<LegacyMessage.Item> items = new ArrayList<>(payloads.size());
    for (int position = 0; position < payloads.size(); position++) {
      int at = position;
      items.add(new LegacyMessage.Decoded(position, payloads.get(position), () -> json.at(at)));
    }
    return Optional.of(new LegacyMessage(shape.get().batch() ? withoutItems(event) : event, items));
  }

  private Optional<LegacyShape> scanShape(byte[] data) {
    Set<String> fields = new TreeSet<>();
    try (JsonParser parser = tree.createParser(data)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        fields.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
    } catch (JacksonException e) {
      return Optional.empty();
    }
    List<LegacyShape> matching = LegacyShape.matching(fields);
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }

  private static <P> LegacyEvent<P> withoutItems(LegacyEvent<P> event) {
    return event.withItems(List.of());
  }

  /** Each item's JSON as it came, from the message's tree, read at the first ask. */
  private final class ItemJson {
    private final byte[] data;
    private final String field;
    private @Nullable JsonNode items;

    ItemJson(byte[] data, String field) {
      this.data = data;
      this.field = field;
    }

    synchronized byte[] at(int position) {
      if (items == null) {
        items = tree.readTree(data).get(field);
      }
      JsonNode item = items instanceof ArrayNode array ? array.get(position) : items;
      return tree.writeValueAsBytes(item);
    }
  }

  /** Each item decoded on its own, so that a bad one is refused alone with what is wrong. */
  private LegacyMessage itemByItem(byte[] data) {
    ObjectNode json = object(data);
    LegacyShape shape = shape(json);
    if (!shape.batch()) {
      LegacyEvent<?> event = envelope(json, shape);
      byte[] item = tree.writeValueAsBytes(json.get(shape.itemsField()));
      return new LegacyMessage(
          event, List.of(new LegacyMessage.Decoded(0, event.items().get(0), () -> item)));
    }
    JsonNode items = json.get(shape.itemsField());
    if (!(items instanceof ArrayNode array)) {
      throw new NotALegacyShapeException(
          "invalid: " + shape.itemsField() + ": not a list (" + shape.modelName() + ")");
    }
    ObjectNode withoutItems = json.deepCopy();
    withoutItems.putArray(shape.itemsField());
    LegacyEvent<?> envelope = envelope(withoutItems, shape);
    List<LegacyMessage.Item> read = new ArrayList<>(array.size());
    for (int position = 0; position < array.size(); position++) {
      read.add(item(shape, position, array.get(position)));
    }
    return new LegacyMessage(envelope, read);
  }

  private ObjectNode object(byte[] data) {
    JsonNode json;
    try {
      json = tree.readTree(data);
    } catch (JacksonException e) {
      throw new NotALegacyShapeException("invalid: not JSON: " + e.getOriginalMessage());
    }
    if (!(json instanceof ObjectNode object)) {
      throw new NotALegacyShapeException("invalid: not a JSON object");
    }
    return object;
  }

  static LegacyShape shape(ObjectNode json) {
    Set<String> fields = new TreeSet<>(json.propertyNames());
    List<LegacyShape> matching = LegacyShape.matching(fields);
    if (matching.isEmpty()) {
      throw new NotALegacyShapeException(
          "unknown_shape: fields " + fields + " are no deprecated shape's");
    }
    if (matching.size() > 1) {
      throw new NotALegacyShapeException(
          "ambiguous_shape: fields "
              + fields
              + " fit "
              + matching.stream().map(LegacyShape::modelName).toList());
    }
    return matching.get(0);
  }

  private LegacyEvent<?> envelope(ObjectNode json, LegacyShape shape) {
    try {
      return codec.decodePayload(tree.writeValueAsBytes(json), shape.recordClass(), "");
    } catch (EventValidationException e) {
      throw new NotALegacyShapeException(
          "invalid: " + describe(e) + " (" + shape.modelName() + ")");
    }
  }

  private LegacyMessage.Item item(LegacyShape shape, int position, JsonNode node) {
    byte[] json = tree.writeValueAsBytes(node);
    try {
      Object payload =
          codec.decodePayload(json, shape.itemClass(), shape.itemsField() + "[" + position + "]");
      return new LegacyMessage.Decoded(position, payload, () -> json);
    } catch (EventValidationException e) {
      return new LegacyMessage.Refused(position, json, "invalid: " + describe(e));
    }
  }

  private static String describe(EventValidationException e) {
    // The envelope is decoded as a payload under no field, whose path then starts with a dot.
    String field = e.field().startsWith(".") ? e.field().substring(1) : e.field();
    return field.isEmpty() ? e.reason() : field + ": " + e.reason();
  }
}
