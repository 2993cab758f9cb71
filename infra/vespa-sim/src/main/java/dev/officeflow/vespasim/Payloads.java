package dev.officeflow.vespasim;

import dev.officeflow.vespasim.schema.DocumentSchema;
import dev.officeflow.vespasim.schema.FieldType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads put and update bodies in Vespa's document JSON format and checks them against the schema of
 * their document type. Top-level members other than {@code fields} ({@code put}, {@code id}, {@code
 * update}, ...) are ignored, as /document/v1 does.
 */
final class Payloads {

  private Payloads() {}

  /** The fields of a put body; null values are left out (an unset field). */
  static ObjectNode putFields(DocumentSchema schema, String body) {
    ObjectNode fields = Json.object();
    fieldsOf(body)
        .forEachEntry(
            (name, value) -> {
              checkValue(schema, name, value);
              if (!value.isNull()) {
                fields.set(name, value);
              }
            });
    return fields;
  }

  /**
   * The assignments of an update body, field name to new value ({@code null} JSON clears it). Only
   * the {@code assign} operation is supported.
   */
  static Map<String, JsonNode> assignments(DocumentSchema schema, String body) {
    Map<String, JsonNode> assignments = new LinkedHashMap<>();
    fieldsOf(body)
        .forEachEntry(
            (name, operations) -> {
              requireField(schema, name);
              if (!operations.isObject() || operations.size() != 1 || !operations.has("assign")) {
                throw ApiException.badRequest(
                    "vespa-sim supports only {\"assign\": value} updates, got "
                        + operations
                        + " for field '"
                        + name
                        + "'");
              }
              JsonNode value = operations.get("assign");
              checkValue(schema, name, value);
              assignments.put(name, value);
            });
    return assignments;
  }

  private static JsonNode fieldsOf(String body) {
    if (body.isBlank()) {
      throw ApiException.badRequest("Could not read document, no document?");
    }
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw ApiException.badRequest("Expected a JSON object, got " + root.getNodeType());
    }
    JsonNode fields = root.path("fields");
    if (fields.isMissingNode()) {
      return Json.object();
    }
    if (!fields.isObject()) {
      throw ApiException.badRequest("Expected 'fields' to be an object, got " + fields);
    }
    return fields;
  }

  private static void checkValue(DocumentSchema schema, String name, JsonNode value) {
    FieldType type = requireField(schema, name);
    Optional<String> problem = type.problemWith(value);
    if (problem.isPresent()) {
      throw ApiException.badRequest(
          "Could not parse field '" + name + "' of type " + type.declared() + ": " + problem.get());
    }
  }

  private static FieldType requireField(DocumentSchema schema, String name) {
    return schema
        .field(name)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "No field '"
                        + name
                        + "' in the structure of type '"
                        + schema.name()
                        + "', which has the fields: "
                        + schema.fieldNames()));
  }
}
