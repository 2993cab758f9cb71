package dev.officeflow.events.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The negative control of {@link OfficeflowEventsFollowReferenceSchemasTest}: what officeflow wrote
 * before issue 17 and the reference models refuse (bare values where they want objects, a list of
 * lines where they want an object, an object where they want a list, null where they require text,
 * the pointer-only event without its payload) is refused by the schemas too. Each case changes one
 * field of an event the schema accepts, so the schemas are shown to bite on exactly what changed.
 */
class ReferenceSchemasRefuseOldShapesTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final ReferenceSchemas SCHEMAS = ReferenceSchemas.load();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One shape officeflow wrote before.
   *
   * @param type the event type
   * @param object the JSON pointer of the object that holds the field
   * @param field the field
   * @param oldValue what officeflow wrote there, as JSON
   */
  record OldShape(EventType type, String object, String field, String oldValue) {
    @Override
    public String toString() {
      return type + " " + object + "/" + field + " = " + oldValue;
    }
  }

  static Stream<OldShape> oldShapes() {
    return Stream.of(
        new OldShape(EventType.CALENDAR, "/event", "reminders", "[10, 1440]"),
        new OldShape(EventType.CALENDAR, "/event", "recurrence", "[\"RRULE:FREQ=WEEKLY\"]"),
        new OldShape(EventType.CALENDAR, "/event", "recurrence", "[]"),
        new OldShape(EventType.CALENDAR, "/event", "attachments", "[\"https://drive.example/f\"]"),
        new OldShape(EventType.CALENDAR, "/event", "title", "null"),
        new OldShape(EventType.CALENDAR, "/event", "organizer", "null"),
        new OldShape(EventType.CALENDAR, "", "event", "null"),
        new OldShape(EventType.CONTACT, "/contact", "tags", "{\"source\": \"discovered\"}"),
        new OldShape(EventType.CONTACT, "/contact", "phone_numbers", "[\"+46 70 000 00 00\"]"),
        new OldShape(EventType.CONTACT, "/contact", "organizations", "[\"Example AB\"]"),
        new OldShape(EventType.CONTACT, "/contact", "addresses", "[\"Storgatan 1\"]"),
        new OldShape(EventType.CONTACT, "/contact", "photos", "[\"https://photos.example/1\"]"),
        new OldShape(EventType.CONTACT, "/contact", "display_name", "null"),
        new OldShape(EventType.EMAIL, "/email", "subject", "null"),
        new OldShape(EventType.EMAIL, "/email", "thread_id", "null"),
        new OldShape(EventType.EMAIL, "/email", "from_address", "null"),
        new OldShape(EventType.EMAIL, "/email", "headers", "[[\"List-Id\", \"x\"]]"),
        new OldShape(EventType.EMAIL, "", "email", "null"),
        new OldShape(EventType.DOCUMENT, "/document", "owner_email", "null"),
        new OldShape(EventType.DOCUMENT, "/document", "metadata", "null"),
        new OldShape(EventType.TODO, "/todo", "creator_email", "null"),
        new OldShape(EventType.TODO, "/todo", "status", "null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oldShapes")
  void theReferenceSchemaRefusesAShapeTheReferenceModelRefuses(OldShape shape) {
    ObjectNode event = accepted(shape.type());

    ((ObjectNode) event.at(shape.object())).set(shape.field(), JSON.readTree(shape.oldValue()));

    assertThat(SCHEMAS.errors(shape.type(), event)).as(event.toString()).isNotEmpty();
  }

  /** The fixture of {@code type} as the codec writes it, checked to be accepted as it is. */
  private static ObjectNode accepted(EventType type) {
    DataEvent<?> event =
        EventVariants.fixtures("user-old-shapes").stream()
            .filter(e -> EventType.of(e) == type)
            .findFirst()
            .orElseThrow();
    JsonNode json = JSON.readTree(CODEC.encode(event));
    assertThat(SCHEMAS.errors(type, json)).as("the unchanged event").isEmpty();
    return (ObjectNode) json;
  }
}
