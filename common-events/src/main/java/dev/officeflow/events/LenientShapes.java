package dev.officeflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Readers of the fields whose shape officeflow changed to follow the reference models (issue 17):
 * each reads the reference's shape and the one officeflow wrote before, so that events still
 * queued, dead-lettered or replayed in the old shape stay readable. Writers only write the new
 * shape. A value of neither shape fails with the field's name.
 */
final class LenientShapes {

  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private LenientShapes() {}

  /** A JSON value as plain Java: maps, lists, strings, numbers, booleans and nulls. */
  static @Nullable Object plain(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> object(node);
      case ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (JsonNode element : node.values()) {
          list.add(plain(element));
        }
        yield Collections.unmodifiableList(list);
      }
      case STRING -> node.stringValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      default -> null;
    };
  }

  static Map<String, @Nullable Object> object(JsonNode node) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      map.put(property.getKey(), plain(property.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  /** A scalar as text; an object or array as its JSON. */
  static String text(JsonNode node) {
    return node.isString()
        ? node.stringValue()
        : node.isValueNode() ? node.asString() : node.toString();
  }

  private static JsonNode array(JsonParser parser, DeserializationContext context) {
    JsonNode node = context.readTree(parser);
    if (!node.isArray()) {
      throw new EventValidationException("", "wrong type, expected an array");
    }
    return node;
  }

  /**
   * A list of JSON objects ({@code List[Dict[str, Any]]}); an element officeflow wrote before as a
   * bare value becomes {@code {key: value}}.
   */
  abstract static class Objects extends ValueDeserializer<List<Map<String, @Nullable Object>>> {

    private final String key;

    Objects(String key) {
      this.key = key;
    }

    @Override
    public List<Map<String, @Nullable Object>> deserialize(
        JsonParser parser, DeserializationContext context) {
      List<Map<String, @Nullable Object>> list = new ArrayList<>();
      int index = 0;
      for (JsonNode element : array(parser, context).values()) {
        if (element.isObject()) {
          list.add(object(element));
        } else if (element.isString() || element.isNumber() || element.isBoolean()) {
          list.add(Map.of(key, java.util.Objects.requireNonNull(plain(element))));
        } else {
          throw new EventValidationException("[" + index + "]", "wrong type, expected an object");
        }
        index++;
      }
      return list;
    }
  }

  /** {@code List[Dict[str, str]]}: values are text; a bare value becomes {@code {key: value}}. */
  abstract static class TextObjects extends ValueDeserializer<List<Map<String, String>>> {

    private final String key;

    TextObjects(String key) {
      this.key = key;
    }

    @Override
    public List<Map<String, String>> deserialize(
        JsonParser parser, DeserializationContext context) {
      List<Map<String, String>> list = new ArrayList<>();
      int index = 0;
      for (JsonNode element : array(parser, context).values()) {
        if (element.isObject()) {
          Map<String, String> map = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> property : element.properties()) {
            if (!property.getValue().isNull()) {
              map.put(property.getKey(), text(property.getValue()));
            }
          }
          list.add(Collections.unmodifiableMap(map));
        } else if (element.getNodeType() != JsonNodeType.NULL && element.isValueNode()) {
          list.add(Map.of(key, text(element)));
        } else {
          throw new EventValidationException("[" + index + "]", "wrong type, expected an object");
        }
        index++;
      }
      return list;
    }
  }

  /** A calendar event's reminders; officeflow wrote the minutes alone. */
  static final class Reminders extends Objects {
    Reminders() {
      super("minutes");
    }
  }

  /** A calendar event's attachments; officeflow wrote the file URLs alone. */
  static final class Attachments extends Objects {
    Attachments() {
      super("file_url");
    }
  }

  /** A contact's postal addresses; officeflow wrote them formatted, as text. */
  static final class Addresses extends Objects {
    Addresses() {
      super("formatted");
    }
  }

  /** A contact's photos; officeflow wrote their URLs alone. */
  static final class Photos extends Objects {
    Photos() {
      super("url");
    }
  }

  /** A contact's phone numbers; officeflow wrote the numbers alone. */
  static final class PhoneNumbers extends TextObjects {
    PhoneNumbers() {
      super("value");
    }
  }

  /** A contact's organizations; officeflow wrote their names alone. */
  static final class Organizations extends TextObjects {
    Organizations() {
      super("name");
    }
  }

  /** A recurrence object; officeflow wrote (and Google sends) a list of content lines. */
  static final class Recurrences extends ValueDeserializer<Recurrence> {
    @Override
    public Recurrence deserialize(JsonParser parser, DeserializationContext context) {
      JsonNode node = context.readTree(parser);
      if (node.isArray()) {
        return Recurrence.fromLines(strings(node, ""));
      }
      if (!node.isObject()) {
        throw new EventValidationException("", "wrong type, expected an object");
      }
      return new Recurrence(
          strings(node.path("rrule"), "rrule"),
          strings(node.path("exrule"), "exrule"),
          strings(node.path("rdate"), "rdate"),
          strings(node.path("exdate"), "exdate"));
    }

    private static List<String> strings(JsonNode node, String field) {
      if (node.isMissingNode() || node.isNull()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw new EventValidationException(field, "wrong type, expected an array");
      }
      List<String> lines = new ArrayList<>();
      for (JsonNode line : node.values()) {
        if (!line.isString()) {
          throw new EventValidationException(field, "wrong type, expected a string");
        }
        lines.add(line.stringValue());
      }
      return lines;
    }
  }

  /**
   * A contact's tags ({@code List[str]}); officeflow wrote an object, read as {@code key:value}.
   */
  static final class Tags extends ValueDeserializer<List<String>> {
    @Override
    public List<String> deserialize(JsonParser parser, DeserializationContext context) {
      JsonNode node = context.readTree(parser);
      List<String> tags = new ArrayList<>();
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          tags.add(property.getKey() + ":" + text(property.getValue()));
        }
        return tags;
      }
      if (!node.isArray()) {
        throw new EventValidationException("", "wrong type, expected an array");
      }
      for (JsonNode tag : node.values()) {
        if (!tag.isValueNode() || tag.isNull()) {
          throw new EventValidationException("", "wrong type, expected a string");
        }
        tags.add(text(tag));
      }
      return tags;
    }
  }

  /** Birthdays as timestamps; officeflow wrote dates alone, read as midnight UTC. */
  static final class Birthdays extends ValueDeserializer<List<Instant>> {
    @Override
    public List<Instant> deserialize(JsonParser parser, DeserializationContext context) {
      List<Instant> days = new ArrayList<>();
      for (JsonNode day : array(parser, context).values()) {
        if (!day.isString()) {
          throw new EventValidationException("", "not a timestamp string");
        }
        String text = day.stringValue().trim();
        days.add(instant(text));
      }
      return days;
    }
  }

  private static Instant instant(String text) {
    try {
      if (DATE_ONLY.matcher(text).matches()) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new EventValidationException("", "not a timestamp: '" + text + "'");
    }
  }

  /**
   * Metadata tags ({@code Dict[str, Any]} in the reference): officeflow writes text, and reads any
   * other value as its text (numbers, booleans) or JSON (objects, arrays); nulls are dropped.
   */
  static final class TextMap extends ValueDeserializer<Map<String, String>> {
    @Override
    public Map<String, String> deserialize(JsonParser parser, DeserializationContext context) {
      if (!parser.isExpectedStartObjectToken()) {
        throw new EventValidationException("", "wrong type, expected an object");
      }
      // Streamed, not read as a tree: every event's metadata has tags, most of them text.
      Map<String, String> map = new LinkedHashMap<>();
      for (String name = parser.nextName(); name != null; name = parser.nextName()) {
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          map.put(name, parser.getString());
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          map.put(name, context.readTree(parser).toString());
        } else if (value != JsonToken.VALUE_NULL) {
          map.put(name, parser.getString());
        }
      }
      return map;
    }
  }

  /** A free-form object ({@code Dict[str, Any]}). */
  static final class AnyObject extends ValueDeserializer<Map<String, @Nullable Object>> {
    @Override
    public Map<String, @Nullable Object> deserialize(
        JsonParser parser, DeserializationContext context) {
      JsonNode node = context.readTree(parser);
      if (!node.isObject()) {
        throw new EventValidationException("", "wrong type, expected an object");
      }
      return object(node);
    }
  }
}
