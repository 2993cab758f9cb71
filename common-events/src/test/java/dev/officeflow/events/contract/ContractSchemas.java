package dev.officeflow.events.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.officeflow.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published documents as the jar ships them ({@code contract/} on the classpath), read with
 * networknt's validator: the event schemas and the AsyncAPI document's headers schemas.
 */
final class ContractSchemas {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private static final Map<EventType, Schema> EVENTS = new ConcurrentHashMap<>();
  private static final Map<EventType, Schema> HEADERS = new ConcurrentHashMap<>();

  private ContractSchemas() {}

  /** The classpath location of a document, e.g. {@code contract/asyncapi.json}. */
  static String resource(String relative) {
    return ContractDocuments.RESOURCE_DIR + "/" + relative;
  }

  static Schema event(EventType type) {
    return EVENTS.computeIfAbsent(
        type,
        t ->
            REGISTRY.getSchema(
                SchemaLocation.of(
                    "classpath:"
                        + resource(
                            ContractDocuments.SCHEMAS + "/" + AsyncApiDocument.schemaFile(t)))));
  }

  /** The schema errors of {@code data} as the data of an event of {@code type}. */
  static List<Error> errors(EventType type, JsonNode data) {
    return event(type).validate(data);
  }

  /** The published AsyncAPI document. */
  static JsonNode asyncApi() {
    return read(resource(ContractDocuments.ASYNCAPI));
  }

  /** The headers schema of an event type's message, from the AsyncAPI document. */
  static Schema headers(EventType type) {
    return HEADERS.computeIfAbsent(
        type,
        t ->
            REGISTRY.getSchema(
                asyncApi()
                    .path("components")
                    .path("schemas")
                    .path(t.eventClass().getSimpleName() + "Headers")));
  }

  static JsonNode read(String resource) {
    try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
