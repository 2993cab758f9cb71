package dev.officeflow.vespasim.schema;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The declared type of a document field, checked the way Vespa's JSON reader does for the common
 * types; types it does not model (tensor, position, struct, ...) accept any JSON value.
 *
 * @param declared the type as written in the schema, e.g. {@code array<string>}
 * @param kind the family the type belongs to
 * @param element the element type of an array or weighted set, else null
 */
public record FieldType(String declared, Kind kind, @Nullable FieldType element) {

  /** Type families with their JSON shape. */
  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOL,
    ARRAY,
    WEIGHTED_SET,
    MAP,
    OTHER
  }

  /** Parses a declared type such as {@code long}, {@code array<string>} or {@code map<a, b>}. */
  public static FieldType parse(String declared) {
    String type = declared.strip();
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("array<") && lower.endsWith(">")) {
      return new FieldType(type, Kind.ARRAY, parse(type.substring(6, type.length() - 1)));
    }
    if (lower.startsWith("weightedset<") && lower.endsWith(">")) {
      return new FieldType(type, Kind.WEIGHTED_SET, parse(type.substring(12, type.length() - 1)));
    }
    if (lower.startsWith("map<")) {
      return new FieldType(type, Kind.MAP, null);
    }
    return new FieldType(type, scalarKind(lower), null);
  }

  private static Kind scalarKind(String type) {
    return switch (type) {
      case "string", "uri" -> Kind.STRING;
      case "long", "int", "byte" -> Kind.INTEGER;
      case "double", "float", "float16" -> Kind.FLOAT;
      case "bool" -> Kind.BOOL;
      default -> Kind.OTHER;
    };
  }

  /** A description of why {@code value} does not fit this type, or empty when it fits. */
  public Optional<String> problemWith(JsonNode value) {
    if (value.isNull() || fits(value)) {
      return Optional.empty();
    }
    return Optional.of("expected a value of type " + declared + ", got " + value.getNodeType());
  }

  private boolean fits(JsonNode value) {
    return switch (kind) {
      case STRING -> value.isString();
      case INTEGER -> value.isIntegralNumber() || isNumericString(value, true);
      case FLOAT -> value.isNumber() || isNumericString(value, false);
      case BOOL -> value.isBoolean() || isBooleanString(value);
      case ARRAY -> value.isArray() && elementsFit(value);
      case WEIGHTED_SET -> value.isObject() || value.isArray();
      case MAP -> value.isObject() || value.isArray();
      case OTHER -> true;
    };
  }

  private boolean elementsFit(JsonNode array) {
    for (JsonNode item : array.values()) {
      if (element != null && !item.isNull() && !element.fits(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumericString(JsonNode value, boolean integral) {
    if (!value.isString()) {
      return false;
    }
    try {
      if (integral) {
        Long.parseLong(value.stringValue());
      } else {
        Double.parseDouble(value.stringValue());
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isBooleanString(JsonNode value) {
    return value.isString()
        && (value.stringValue().equals("true") || value.stringValue().equals("false"));
  }
}
