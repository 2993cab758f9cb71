package dev.officeflow.events.contract;

import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.contract.FieldRules.Constraint;
import dev.officeflow.events.contract.FieldRules.Rule;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft-07, which AsyncAPI's default schema format embeds) per event type, derived
 * from the records by reflection: the writer's contract, what officeflow writes. A property is
 * required when the codec always writes it non-null; a {@code @Nullable} one may be null or absent.
 * Nested records, enums and shared string shapes are {@code definitions}. Unknown properties are
 * allowed: readers ignore them. What the types do not say comes from {@link FieldRules}.
 */
final class EventSchemas {

  static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SnakeCase SNAKE_CASE = new SnakeCase();

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventSchemas() {}

  /** The schema of one event type's message data. */
  static ObjectNode schema(EventType type) {
    Definitions definitions = new Definitions();
    ObjectNode body = record(type.eventClass().asSubclass(Record.class), definitions);
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DRAFT_07);
    schema.put("title", type.eventClass().getSimpleName());
    schema.put("description", Notes.event(type));
    schema.setAll(body);
    if (type == EventType.PROGRESS) {
      schema.setAll(errorRequiredWhenNotRunning(definitions));
    }
    schema.set("definitions", definitions.sorted());
    return schema;
  }

  /** The wire name of a record component, as the codec's snake_case naming writes it. */
  static String wireName(String component) {
    return SNAKE_CASE.wire(component);
  }

  /**
   * A progress event's one rule across fields, as draft-07 says it: {@code error} is non-blank text
   * when {@code state} is {@code retrying} or {@code failed}.
   */
  private static ObjectNode errorRequiredWhenNotRunning(Definitions definitions) {
    ObjectNode rule = NODES.objectNode();
    ObjectNode condition = rule.putObject("if");
    condition
        .putObject("properties")
        .putObject("state")
        .putArray("enum")
        .add("retrying")
        .add("failed");
    condition.putArray("required").add("state");
    ObjectNode then = rule.putObject("then");
    then.putObject("properties").set("error", string(Constraint.NOT_BLANK, definitions));
    then.putArray("required").add("error");
    return rule;
  }

  private static ObjectNode record(Class<? extends Record> type, Definitions definitions) {
    String note = Notes.definition(type);
    ObjectNode schema = note == null ? NODES.objectNode() : Notes.described(note);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      Rule rule = FieldRules.of(type, component.getName());
      AnnotatedType annotated = component.getAnnotatedType();
      boolean nullable =
          annotated.isAnnotationPresent(Nullable.class)
              && rule.constraint() != Constraint.ALWAYS_WRITTEN;
      ObjectNode value = value(annotated, rule.constraint(), definitions);
      properties.set(
          wireName(component.getName()), annotate(nullable ? orNull(value) : value, rule));
      if (!nullable) {
        required.add(wireName(component.getName()));
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", true);
    return schema;
  }

  private static ObjectNode value(
      AnnotatedType annotated, Constraint constraint, Definitions defs) {
    Class<?> raw = raw(annotated.getType());
    if (raw == String.class) {
      return string(constraint, defs);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return type("boolean");
    }
    if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
      ObjectNode integer = type("integer");
      if (constraint == Constraint.NON_NEGATIVE || constraint == Constraint.PERCENT) {
        integer.put("minimum", 0);
      }
      if (constraint == Constraint.PERCENT) {
        integer.put("maximum", 100);
      }
      return integer;
    }
    if (raw == Instant.class) {
      return defs.ref("Timestamp", "Timestamp", Notes::timestamp);
    }
    if (raw.isEnum()) {
      return defs.ref(raw.getSimpleName(), raw, () -> enumeration(raw));
    }
    return structure(annotated, raw, defs);
  }

  /** A list, a map, a nested record, or any JSON value. */
  private static ObjectNode structure(AnnotatedType annotated, Class<?> raw, Definitions defs) {
    if (raw == List.class) {
      ObjectNode array = type("array");
      // Check.list and Check.objects refuse null elements.
      array.set("items", value(arguments(annotated)[0], Constraint.NONE, defs));
      return array;
    }
    if (raw == Map.class) {
      ObjectNode object = type("object");
      AnnotatedType values = arguments(annotated)[1];
      if (raw(values.getType()) != Object.class) {
        object.set("additionalProperties", value(values, Constraint.NONE, defs));
      }
      return object;
    }
    if (raw.isRecord()) {
      Class<? extends Record> nested = raw.asSubclass(Record.class);
      return defs.ref(raw.getSimpleName(), raw, () -> record(nested, defs));
    }
    if (raw == Object.class) {
      return NODES.objectNode();
    }
    throw new IllegalStateException("no schema for " + annotated.getType());
  }

  private static ObjectNode string(Constraint constraint, Definitions defs) {
    return switch (constraint) {
      case NOT_BLANK -> defs.ref("NonBlankString", "NonBlankString", Notes::nonBlankString);
      case UUID -> pattern(Patterns.UUID);
      case HEX_16 -> pattern(Patterns.lowerHex(16));
      case HEX_32 -> pattern(Patterns.lowerHex(32));
      case HEX_64 -> pattern(Patterns.lowerHex(64));
      default -> type("string");
    };
  }

  private static ObjectNode enumeration(Class<?> type) {
    String note = Notes.definition(type);
    ObjectNode schema = note == null ? NODES.objectNode() : Notes.described(note);
    schema.put("type", "string");
    schema.set("enum", wireValues(type));
    return schema;
  }

  /** An enum's values as the codec writes them ({@code @JsonValue}). */
  static ArrayNode wireValues(Class<?> enumType) {
    ArrayNode values = NODES.arrayNode();
    for (Object constant : enumType.getEnumConstants()) {
      values.add(JSON.readTree(CODEC.encodePayload(constant)));
    }
    return values;
  }

  static ObjectNode type(String name) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", name);
    return schema;
  }

  static ObjectNode pattern(String regex) {
    ObjectNode schema = type("string");
    schema.put("pattern", regex);
    return schema;
  }

  /** The same schema that also admits null. */
  static ObjectNode orNull(ObjectNode schema) {
    ObjectNode nullable = NODES.objectNode();
    if (schema.has("$ref")) {
      ArrayNode anyOf = nullable.putArray("anyOf");
      anyOf.add(schema);
      anyOf.add(type("null"));
      return nullable;
    }
    nullable.setAll(schema);
    nullable.putArray("type").add(schema.get("type").stringValue()).add("null");
    return nullable;
  }

  /** The rule's description and default, first; a bare {@code $ref} is wrapped in {@code allOf}. */
  private static ObjectNode annotate(ObjectNode schema, Rule rule) {
    if (rule.description() == null && rule.defaultValue() == null) {
      return schema;
    }
    ObjectNode annotated = NODES.objectNode();
    if (rule.description() != null) {
      annotated.put("description", rule.description());
    }
    if (rule.defaultValue() != null) {
      annotated.put("default", rule.defaultValue());
    }
    if (schema.has("$ref")) {
      // In draft-07 the siblings of $ref are ignored: keep the reference in its own subschema.
      annotated.putArray("allOf").add(schema);
    } else {
      annotated.setAll(schema);
    }
    return annotated;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("no schema for " + type);
  }

  private static AnnotatedType[] arguments(AnnotatedType annotated) {
    if (annotated instanceof AnnotatedParameterizedType parameterized) {
      return parameterized.getAnnotatedActualTypeArguments();
    }
    throw new IllegalStateException("raw collection type " + annotated.getType());
  }

  /** The codec's naming strategy ({@link PropertyNamingStrategies#SNAKE_CASE}), callable. */
  private static final class SnakeCase extends PropertyNamingStrategies.SnakeCaseStrategy {
    String wire(String name) {
      return translate(name);
    }
  }

  /** The definitions one schema uses, by name; two types of one name would be a bug. */
  private static final class Definitions {
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Object> owners = new HashMap<>();

    /** A reference to the definition of {@code owner} (a type, or a shape's name). */
    ObjectNode ref(String name, Object owner, Supplier<ObjectNode> schema) {
      Object known = owners.putIfAbsent(name, owner);
      if (known == null) {
        schemas.put(name, schema.get());
      } else if (!known.equals(owner)) {
        throw new IllegalStateException(owner + " and " + known + " are both named " + name);
      }
      ObjectNode ref = NODES.objectNode();
      ref.put("$ref", "#/definitions/" + name);
      return ref;
    }

    ObjectNode sorted() {
      ObjectNode node = NODES.objectNode();
      schemas.forEach(node::set);
      return node;
    }
  }
}
