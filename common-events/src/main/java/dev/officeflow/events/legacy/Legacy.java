package dev.officeflow.events.legacy;

import dev.officeflow.events.EventValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The checks the legacy records share (the contract's own are package-private). */
final class Legacy {

  private Legacy() {}

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

  static <T> List<T> items(@Nullable List<T> items, String field) {
    return List.copyOf(required(items, field));
  }

  /** One item of an update event, as a list. */
  static <T> T single(List<T> items, String field) {
    if (items.size() != 1) {
      throw new EventValidationException(field, "an update event carries exactly one item");
    }
    return items.get(0);
  }
}
