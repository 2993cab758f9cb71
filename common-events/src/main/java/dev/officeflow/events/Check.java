package dev.officeflow.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validation helpers for the compact constructors of the event records. */
final class Check {

  private static final Pattern UUID_SHAPE =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Check() {}

  static String required(@Nullable String value, String field) {
    if (value == null) {
      throw new EventValidationException(field, "missing");
    }
    if (value.isBlank()) {
      throw new EventValidationException(field, "blank");
    }
    return value;
  }

  static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new EventValidationException(field, "missing");
    }
    return value;
  }

  static Instant timestamp(@Nullable Instant value, String field) {
    return required(value, field);
  }

  static <T> List<T> list(@Nullable List<T> value, String field) {
    if (value == null) {
      return List.of();
    }
    for (T element : value) {
      if (element == null) {
        throw new EventValidationException(field, "contains null");
      }
    }
    return List.copyOf(value);
  }

  static <V> Map<String, V> map(@Nullable Map<String, V> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }

  /** Text a reference model requires: unknown is the empty string, never null. */
  static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** A value with a default where the reference model has one. */
  static String orDefault(@Nullable String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Free-form JSON objects ({@code List[Dict[str, Any]]}), immutable, in their order; values may be
   * null, elements may not.
   */
  static List<Map<String, @Nullable Object>> objects(
      @Nullable List<Map<String, @Nullable Object>> value, String field) {
    if (value == null) {
      return List.of();
    }
    List<Map<String, @Nullable Object>> copy = new ArrayList<>(value.size());
    for (Map<String, @Nullable Object> element : value) {
      if (element == null) {
        throw new EventValidationException(field, "contains null");
      }
      copy.add(object(element));
    }
    return Collections.unmodifiableList(copy);
  }

  /** A free-form JSON object ({@code Dict[str, Any]}), immutable, in its order. */
  static Map<String, @Nullable Object> object(@Nullable Map<String, @Nullable Object> value) {
    return value == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }

  /** Objects of text ({@code List[Dict[str, str]]}): no null element, key or value. */
  static List<Map<String, String>> textObjects(
      @Nullable List<Map<String, String>> value, String field) {
    if (value == null) {
      return List.of();
    }
    List<Map<String, String>> copy = new ArrayList<>(value.size());
    for (Map<String, String> element : value) {
      if (element == null) {
        throw new EventValidationException(field, "contains null");
      }
      try {
        copy.add(Map.copyOf(element));
      } catch (NullPointerException e) {
        throw new EventValidationException(field, "contains a null key or value");
      }
    }
    return List.copyOf(copy);
  }

  static String uuid(@Nullable String value, String field) {
    required(value, field);
    if (!UUID_SHAPE.matcher(value).matches()) {
      throw new EventValidationException(field, "not a uuid");
    }
    return value;
  }

  static long nonNegative(long value, String field) {
    if (value < 0) {
      throw new EventValidationException(field, "negative");
    }
    return value;
  }

  static String hex(@Nullable String value, int length, String field) {
    if (value == null) {
      return "0".repeat(length);
    }
    if (value.length() != length || !value.chars().allMatch(Check::isLowerHex)) {
      throw new EventValidationException(field, "not " + length + " lowercase hex digits");
    }
    return value;
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
