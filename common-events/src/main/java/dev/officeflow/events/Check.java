package dev.officeflow.events;

import java.time.Instant;
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
