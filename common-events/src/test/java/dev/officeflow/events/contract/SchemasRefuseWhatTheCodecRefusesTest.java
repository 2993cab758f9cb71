package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.contract.FieldMutations.Mutation;
import dev.officeflow.events.contract.WrittenEvents.Written;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field by field, a value the codec refuses is refused by the published schema too; the one rule
 * the schema leaves to the codec (a calendar event's end before its start) spans two fields and is
 * said in the schema's description. Values the codec reads leniently but the schema refuses are
 * allowed: the schema is the writer's contract.
 */
class SchemasRefuseWhatTheCodecRefusesTest {

  private static final JsonNode JSON_NULL = ContractSchemas.JSON.nullNode();
  private static final String UPPER_TRACE = "\"4BF92F3577B34DA6A3CE929D0E0E4736\"";

  /** A changed event, and the type whose schema and decoder judge it. */
  record Case(String name, EventType type, JsonNode data) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The JSON cases of codec.MalformedEventTest (its other cases are not JSON, so no schema ever
   * sees them), and one case more for each kind of constraint that list leaves out.
   */
  static Stream<Case> malformed() {
    return Stream.of(
        email("the whole event = null", n -> JSON_NULL),
        email("the whole event = [1, 2]", n -> json("[1, 2]")),
        email("the whole event = {}", n -> json("{}")),
        email("remove metadata", n -> remove(n, "metadata")),
        email("remove metadata.event_id", n -> remove(n, "metadata.event_id")),
        email("metadata.event_id not a uuid", n -> put(n, "metadata.event_id", "\"not-a-uuid\"")),
        email("metadata.timestamp not a time", n -> put(n, "metadata.timestamp", "\"yesterday\"")),
        email("metadata.timestamp a number", n -> put(n, "metadata.timestamp", "1730000000")),
        email("remove metadata.source_service", n -> remove(n, "metadata.source_service")),
        email("metadata.trace_id not hex", n -> put(n, "metadata.trace_id", "\"xyz\"")),
        email("metadata.span_id too short", n -> put(n, "metadata.span_id", "\"00f067aa\"")),
        email("metadata.tags text", n -> put(n, "metadata.tags", "\"vip\"")),
        email("remove user_id", n -> remove(n, "user_id")),
        email("user_id blank", n -> put(n, "user_id", "\"  \"")),
        email("user_id an object", n -> put(n, "user_id", "{\"id\": 1}")),
        email("operation unknown", n -> put(n, "operation", "\"upsert\"")),
        email("remove operation", n -> remove(n, "operation")),
        email("sync_type unknown", n -> put(n, "sync_type", "\"later\"")),
        email("last_updated month 13", n -> put(n, "last_updated", "\"2026-13-01T00:00:00Z\"")),
        email("remove last_updated", n -> remove(n, "last_updated")),
        email("sync_timestamp a date", n -> put(n, "sync_timestamp", "\"2026-11-01\"")),
        email("remove provider", n -> remove(n, "provider")),
        email("remove email", n -> remove(n, "email")),
        email("email a number", n -> put(n, "email", "5")),
        email("remove email.received_date", n -> remove(n, "email.received_date")),
        email("email.received_date not a time", n -> put(n, "email.received_date", "\"soon\"")),
        email("remove email.provider_message_id", n -> remove(n, "email.provider_message_id")),
        email("email.to_addresses text", n -> put(n, "email.to_addresses", "\"bo@example.org\"")),
        email("email.to_addresses null element", n -> put(n, "email.to_addresses", "[null]")),
        email("email.is_read text", n -> put(n, "email.is_read", "\"perhaps\"")),
        email("email.size_bytes text", n -> put(n, "email.size_bytes", "\"big\"")),
        email("email.size_bytes negative", n -> put(n, "email.size_bytes", "-1")),
        email("email.headers a list", n -> put(n, "email.headers", "[\"x\"]")),
        email(
            "payload_ref.sha256 short",
            n ->
                put(
                    n,
                    "payload_ref",
                    "{\"store\":\"redis\",\"key\":\"office:u:email:1\",\"size_bytes\":1,"
                        + "\"sha256\":\"abc\"}")),
        calendar("remove calendar_id", n -> remove(n, "calendar_id")),
        calendar("event.recurrence a number", n -> put(n, "event.recurrence", "5")),
        calendar("event.reminders an object", n -> put(n, "event.reminders", "{\"minutes\": 10}")),
        calendar("event.attachments a list in a list", n -> put(n, "event.attachments", "[[1]]")),
        calendar(
            "remove event.attendee_details[0].email",
            n -> remove(n, "event.attendee_details.0.email")),
        integration("status unknown", n -> put(n, "status", "\"connected\"")),
        // Beyond MalformedEventTest: a blank payload id, the other negative sizes, a null
        // element in a list of timestamps and of objects, a null map value, bad pointer fields.
        email("email.id blank", n -> put(n, "email.id", "\"\"")),
        email("email.headers null value", n -> put(n, "email.headers", "{\"List-Id\": null}")),
        email("metadata.trace_id upper case", n -> put(n, "metadata.trace_id", UPPER_TRACE)),
        pointer("payload_ref.size_bytes negative", n -> put(n, "payload_ref.size_bytes", "-1")),
        pointer("payload_ref.key blank", n -> put(n, "payload_ref.key", "\" \"")),
        pointer("remove payload_ref.store", n -> remove(n, "payload_ref.store")),
        of(
            EventType.DOCUMENT,
            "document.size_bytes negative",
            n -> put(n, "document.size_bytes", "-1")),
        of(
            EventType.CONTACT,
            "contact.birthdays null element",
            n -> put(n, "contact.birthdays", "[null]")),
        of(EventType.CONTACT, "contact.provider blank", n -> put(n, "contact.provider", "\"\"")),
        calendar("event.reminders null element", n -> put(n, "event.reminders", "[null]")),
        calendar("event.start_time not a time", n -> put(n, "event.start_time", "\"x\"")),
        of(
            EventType.TODO,
            "todo.provider_todo_id blank",
            n -> put(n, "todo.provider_todo_id", "\"  \"")),
        of(EventType.USER, "provider blank", n -> put(n, "provider", "\" \"")),
        integration("integration_id blank", n -> put(n, "integration_id", "\"\"")),
        integration("scopes null element", n -> put(n, "scopes", "[null]")),
        progress("percent above 100", n -> put(n, "percent", "101")),
        progress("sequence negative", n -> put(n, "sequence", "-1")),
        progress("state unknown", n -> put(n, "state", "\"paused\"")),
        // The rule across fields, which the schema says with if/then.
        progress("failed without error", n -> put(n, "state", "\"failed\"")),
        progress(
            "retrying with a blank error",
            n -> put(put(n, "state", "\"retrying\""), "error", "\" \"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aValueTheCodecRefusesTheSchemaRefusesToo(Case c) {
    assertThatThrownBy(() -> WrittenEvents.CODEC.decode(bytes(c.data()), c.type()))
        .as("the codec refuses it")
        .isInstanceOf(EventValidationException.class);

    assertThat(ContractSchemas.errors(c.type(), c.data())).as("the schema refuses it").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writtenOnce")
  void noChangeOfAnyFieldThatTheCodecRefusesPassesTheSchema(Written event) {
    List<String> passed = new ArrayList<>();
    for (Mutation mutation : FieldMutations.of(event.json())) {
      if (codecRefuses(event.type(), mutation.data())
          && ContractSchemas.errors(event.type(), mutation.data()).isEmpty()) {
        passed.add(mutation.name());
      }
    }

    assertThat(passed).as("refused by the codec, passed by the schema").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acrossFields")
  void aRuleAcrossFieldsIsTheCodecsAloneAndTheSchemaSaysSo(Case c) {
    assertThatThrownBy(() -> WrittenEvents.CODEC.decode(bytes(c.data()), c.type()))
        .isInstanceOf(EventValidationException.class);

    assertThat(ContractSchemas.errors(c.type(), c.data())).isEmpty();
    assertThat(ContractSchemas.event(c.type()).getSchemaNode().path("description").stringValue())
        .contains("end_time is not before event.start_time");
  }

  static Stream<Case> acrossFields() {
    return Stream.of(
        calendar(
            "event.end_time before event.start_time",
            n -> put(n, "event.end_time", "\"2026-10-01T00:00:00Z\"")));
  }

  /** Each type once with its whole payload and, for data events, once beside a pointer. */
  static Stream<Written> writtenOnce() {
    List<Written> events = new ArrayList<>();
    for (OfficeEvent fixture : EventFixtures.oneOfEach("user-1")) {
      EventType type = EventType.of(fixture);
      String name = fixture.getClass().getSimpleName();
      events.add(new Written(name, type, fixture));
      if (fixture instanceof DataEvent<?> data) {
        events.add(
            new Written(
                name + " with a pointer",
                type,
                data.withPayloadRef(WrittenEvents.pointerTo(data))));
      }
    }
    return events.stream();
  }

  private static boolean codecRefuses(EventType type, JsonNode data) {
    try {
      WrittenEvents.CODEC.decode(bytes(data), type);
      return false;
    } catch (RuntimeException refused) {
      return true;
    }
  }

  private static byte[] bytes(JsonNode data) {
    return ContractSchemas.JSON.writeValueAsBytes(data);
  }

  private interface Change {
    JsonNode apply(ObjectNode event);
  }

  private static Case email(String name, Change change) {
    return of(EventType.EMAIL, name, change);
  }

  private static Case calendar(String name, Change change) {
    return of(EventType.CALENDAR, name, change);
  }

  private static Case progress(String name, Change change) {
    return of(EventType.PROGRESS, name, change);
  }

  private static Case integration(String name, Change change) {
    return of(EventType.INTEGRATION, name, change);
  }

  /** An email beside a pointer, changed. */
  private static Case pointer(String name, Change change) {
    Written email =
        writtenOnce()
            .filter(w -> w.name().equals("EmailEvent with a pointer"))
            .findFirst()
            .orElseThrow();
    return new Case(
        "email with a pointer: " + name, EventType.EMAIL, change.apply((ObjectNode) email.json()));
  }

  private static Case of(EventType type, String name, Change change) {
    OfficeEvent valid =
        EventFixtures.oneOfEach("user-1").stream()
            .filter(e -> EventType.of(e) == type)
            .findFirst()
            .orElseThrow();
    ObjectNode json = (ObjectNode) ContractSchemas.JSON.readTree(WrittenEvents.CODEC.encode(valid));
    return new Case(type.name().toLowerCase(Locale.ROOT) + ": " + name, type, change.apply(json));
  }

  private static JsonNode json(String text) {
    return ContractSchemas.JSON.readTree(text);
  }

  private static ObjectNode remove(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    container(root, parts).remove(parts[parts.length - 1]);
    return root;
  }

  private static ObjectNode put(ObjectNode root, String path, String json) {
    String[] parts = path.split("\\.");
    container(root, parts).set(parts[parts.length - 1], json(json));
    return root;
  }

  private static ObjectNode container(ObjectNode root, String[] parts) {
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
    }
    return (ObjectNode) node;
  }
}
