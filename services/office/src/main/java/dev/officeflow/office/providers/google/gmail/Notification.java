package dev.officeflow.office.providers.google.gmail;

import com.google.protobuf.ByteString;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gmail push notification: the data {@code {"emailAddress": ..., "historyId": N}} (Gmail sends
 * the id as a number; a numeric string is accepted too).
 */
record Notification(String emailAddress, long historyId) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Thrown for data that is no Gmail notification; the message says what is wrong. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  static Notification parse(ByteString data) {
    JsonNode node;
    try {
      node = JSON.readTree(data.toStringUtf8());
    } catch (JacksonException e) {
      throw new Malformed("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new Malformed("not a JSON object");
    }
    JsonNode address = node.path("emailAddress");
    if (!address.isString() || address.asString().isBlank()) {
      throw new Malformed("emailAddress missing");
    }
    return new Notification(address.asString(), historyId(node.path("historyId")));
  }

  private static long historyId(JsonNode id) {
    if (id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0) {
      return id.asLong();
    }
    if (id.isString() && id.asString().matches("[0-9]{1,18}")) {
      return Long.parseLong(id.asString());
    }
    throw new Malformed("historyId missing or not a positive integer");
  }
}
