package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.contract.WrittenEvents.Written;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every event officeflow writes, of every type and in every mode, is valid against its published
 * schema, and its attributes against its message's headers schema.
 */
class SchemasAcceptWhatTheCodecWritesTest {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /**
   * Properties the codec writes that are no part of the contract. {@code Recurrence.isEmpty()} is
   * taken for a bean property by Jackson and written as {@code "empty"}; readers ignore it.
   */
  private static final Map<String, Set<String>> WRITTEN_BUT_NOT_CONTRACT =
      Map.of("Recurrence", Set.of("empty"));

  static List<Written> written() {
    return WrittenEvents.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("written")
  void theEventsSchemaAcceptsTheEventAsTheCodecWritesIt(Written event) {
    assertThat(ContractSchemas.errors(event.type(), event.json())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("written")
  void theHeadersSchemaAcceptsTheAttributesPublishedWithIt(Written event) {
    JsonNode attributes =
        ContractSchemas.JSON.valueToTree(EventAttributes.of(event.event(), TRACEPARENT));

    assertThat(ContractSchemas.headers(event.type()).validate(attributes)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("written")
  void theSchemaListsEveryPropertyTheCodecWrites(Written event) {
    JsonNode schema = schemaDocument(event.type());
    List<String> problems = new ArrayList<>();

    compare(schema, schema, event.json(), event.type().eventClass().getSimpleName(), problems);

    assertThat(problems).isEmpty();
  }

  @Test
  void everyModeOfEveryDataEventIsWritten() {
    Set<String> modes = new HashSet<>();
    for (Written event : written()) {
      modes.add(event.name().substring(event.name().lastIndexOf(", ") + 2));
    }

    assertThat(modes).contains("full", "pointer", "metadata-only", "metadata-only pointer");
  }

  private static JsonNode schemaDocument(EventType type) {
    return ContractSchemas.read(
        ContractSchemas.resource(
            ContractDocuments.SCHEMAS + "/" + AsyncApiDocument.schemaFile(type)));
  }

  /** Compares an object's properties with its schema's, recursing into nested records. */
  private static void compare(
      JsonNode document, JsonNode schema, JsonNode value, String name, List<String> problems) {
    Set<String> listed = new HashSet<>(schema.path("properties").propertyNames());
    Set<String> written = new HashSet<>(value.propertyNames());
    for (String property : written) {
      if (!listed.contains(property)
          && !WRITTEN_BUT_NOT_CONTRACT.getOrDefault(name, Set.of()).contains(property)) {
        problems.add(name + "." + property + " is written but not in the schema");
      }
    }
    for (String property : listed) {
      if (!written.contains(property)) {
        problems.add(name + "." + property + " is in the schema but not written");
        continue;
      }
      JsonNode propertySchema = schema.path("properties").path(property);
      JsonNode child = value.get(property);
      if (child.isArray()) {
        propertySchema = propertySchema.path("items");
      }
      String definition = definitionOf(propertySchema);
      if (definition == null) {
        continue;
      }
      JsonNode nested = document.path("definitions").path(definition);
      if (!nested.has("properties")) {
        continue;
      }
      for (JsonNode element : child.isArray() ? child.values() : List.of(child)) {
        if (element.isObject()) {
          compare(document, nested, element, definition, problems);
        }
      }
    }
  }

  /** The definition a property schema refers to: directly, or through allOf or anyOf. */
  private static @Nullable String definitionOf(JsonNode schema) {
    if (schema.has("$ref")) {
      return schema.get("$ref").stringValue().substring("#/definitions/".length());
    }
    for (String combinator : List.of("allOf", "anyOf")) {
      for (JsonNode option : schema.path(combinator).values()) {
        if (option.has("$ref")) {
          return definitionOf(option);
        }
      }
    }
    return null;
  }
}
