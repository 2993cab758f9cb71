package dev.officeflow.events.reference;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference-derived JSON Schemas of {@code reference-schemas/} (see its README): what a
 * reference consumer's pydantic model accepts, one schema per data event type, so a test can ask
 * whether a reference service could read a message. Thread-safe.
 */
public final class ReferenceSchemas {

  /** The classpath folder of the schemas, {@code <Model>.reference.schema.json}. */
  public static final String FOLDER = "reference-schemas/";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<EventType> DATA_TYPES =
      List.of(
          EventType.EMAIL,
          EventType.CALENDAR,
          EventType.CONTACT,
          EventType.DOCUMENT,
          EventType.TODO);

  private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
  private final Map<EventType, JsonNode> documents = new EnumMap<>(EventType.class);

  private ReferenceSchemas() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (EventType type : DATA_TYPES) {
      JsonNode document = read(resource(type));
      documents.put(type, document);
      schemas.put(type, registry.getSchema(document));
    }
  }

  /** Loads the five schemas from the classpath. */
  public static ReferenceSchemas load() {
    return new ReferenceSchemas();
  }

  /** The types that have a reference model: the data events. */
  public static List<EventType> types() {
    return DATA_TYPES;
  }

  /** The classpath resource of {@code type}'s schema, named after the reference model. */
  public static String resource(EventType type) {
    if (!DataEvent.class.isAssignableFrom(type.eventClass())) {
      throw new IllegalArgumentException(type + " has no reference model");
    }
    return FOLDER + type.eventClass().getSimpleName() + ".reference.schema.json";
  }

  /** What the reference model would refuse in {@code json}, one line each; empty when it reads. */
  public List<String> errors(EventType type, byte[] json) {
    return errors(type, JSON.readTree(json));
  }

  public List<String> errors(EventType type, JsonNode json) {
    Schema schema = schemas.get(type);
    if (schema == null) {
      throw new IllegalArgumentException(type + " has no reference model");
    }
    return schema.validate(json).stream().map(Error::toString).toList();
  }

  /** The schema document itself, for tests that walk its properties. */
  public JsonNode document(EventType type) {
    return documents.get(type);
  }

  private static JsonNode read(String resource) {
    try (InputStream in = ReferenceSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
