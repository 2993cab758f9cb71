package dev.officeflow.vespaloader.document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A document's fields being built. A null value leaves the field unset, as Vespa has no null, and
 * so does empty text: the contract writes text it does not know as an empty string.
 */
final class Fields {

  private final Map<String, Object> values = new LinkedHashMap<>();

  Fields put(String name, @Nullable Object value) {
    if (value != null && !(value instanceof String text && text.isEmpty())) {
      values.put(name, value);
    }
    return this;
  }

  /** A timestamp as epoch milliseconds, the schemas' {@code long} time fields. */
  Fields millis(String name, @Nullable Instant value) {
    return put(name, value == null ? null : value.toEpochMilli());
  }

  /** Addresses are matched exactly ({@code match: word}), so they are stored lower-case. */
  Fields address(String name, @Nullable String address) {
    return put(name, address == null ? null : lower(address));
  }

  Fields addresses(String name, List<String> addresses) {
    return put(name, addresses.stream().map(Fields::lower).toList());
  }

  Map<String, Object> toMap() {
    return values;
  }

  private static String lower(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }
}
