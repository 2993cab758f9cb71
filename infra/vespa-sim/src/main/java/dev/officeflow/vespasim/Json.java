package dev.officeflow.vespasim;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the sim, and small helpers around it. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses a request body; throws 400 with Jackson's message when it is not JSON. */
  static JsonNode parse(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("Could not parse JSON: " + e.getOriginalMessage());
    }
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  static Map<String, Object> toMap(JsonNode node) {
    return MAPPER.convertValue(node, MAP);
  }

  /** Vespa's error body: {@code {"pathId": ..., "message": ...}} plus the id when there is one. */
  static ObjectNode error(String pathId, String message) {
    ObjectNode body = object();
    body.put("pathId", pathId);
    body.put("message", message);
    return body;
  }
}
