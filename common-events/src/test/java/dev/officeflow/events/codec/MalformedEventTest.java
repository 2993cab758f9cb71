package dev.officeflow.events.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every malformed message fails with the one typed error, naming the field and the reason. */
class MalformedEventTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Case(String name, EventType type, byte[] data, String field, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> malformed() {
    return Stream.of(
        raw("empty data", "", "", "empty message"),
        raw("not JSON", "hello", "", "not JSON"),
        raw("truncated JSON", "{\"metadata\": {", "", "not JSON"),
        raw("JSON null", "null", "", "not a JSON object"),
        raw("JSON array", "[1, 2]", "", "wrong type"),
        raw("empty object", "{}", "metadata", "missing"),
        raw("trailing garbage", validEmailJson() + " x", "", "not JSON"),
        invalidUtf8InAString(),
        removed("metadata", "metadata", "missing"),
        removed("metadata.event_id", "metadata.event_id", "missing"),
        set("metadata.event_id", "\"not-a-uuid\"", "metadata.event_id", "not a uuid"),
        set("metadata.timestamp", "\"yesterday\"", "metadata.timestamp", "not an ISO 8601"),
        set("metadata.timestamp", "1730000000", "metadata.timestamp", "not a timestamp"),
        removed("metadata.source_service", "metadata.source_service", "missing"),
        set("metadata.trace_id", "\"xyz\"", "metadata.trace_id", "32 lowercase hex"),
        set("metadata.span_id", "\"00f067aa\"", "metadata.span_id", "16 lowercase hex"),
        set("metadata.tags", "\"vip\"", "metadata.tags", "wrong type"),
        removed("user_id", "user_id", "missing"),
        set("user_id", "\"  \"", "user_id", "blank"),
        set("user_id", "{\"id\": 1}", "user_id", "wrong type, expected a string"),
        set("operation", "\"upsert\"", "operation", "unknown operation 'upsert'"),
        removed("operation", "operation", "missing"),
        set("sync_type", "\"later\"", "sync_type", "unknown sync_type 'later'"),
        set("last_updated", "\"2026-13-01T00:00:00Z\"", "last_updated", "not an ISO 8601"),
        removed("last_updated", "last_updated", "missing"),
        set("sync_timestamp", "\"2026-11-01\"", "sync_timestamp", "not an ISO 8601"),
        removed("provider", "provider", "missing"),
        removed("email", "email", "missing (and no payload_ref)"),
        set("email", "5", "email", "wrong type"),
        removed("email.received_date", "email.received_date", "missing"),
        set("email.received_date", "\"soon\"", "email.received_date", "not an ISO 8601"),
        removed("email.provider_message_id", "email.provider_message_id", "missing"),
        set("email.to_addresses", "\"bo@example.org\"", "email.to_addresses", "wrong type"),
        set("email.to_addresses", "[null]", "email.to_addresses", "contains null"),
        set("email.is_read", "\"perhaps\"", "email.is_read", "wrong type"),
        set("email.size_bytes", "\"big\"", "email.size_bytes", "wrong type"),
        set("email.size_bytes", "-1", "email.size_bytes", "negative"),
        set("email.headers", "[\"x\"]", "email.headers", "wrong type"),
        set(
            "payload_ref",
            "{\"store\":\"redis\",\"key\":\"office:u:email:1\",\"size_bytes\":1,\"sha256\":\"abc\"}",
            "payload_ref.sha256",
            "64 lowercase hex"),
        calendar(
            "event.end_time before start",
            node -> put(node, "event.end_time", "\"2026-10-01T00:00:00Z\""),
            "event.end_time",
            "before start_time"),
        calendar(
            "calendar_id removed", node -> remove(node, "calendar_id"), "calendar_id", "missing"),
        calendar(
            "recurrence neither object nor lines",
            node -> put(node, "event.recurrence", "5"),
            "event.recurrence",
            "wrong type, expected an object"),
        calendar(
            "reminders an object",
            node -> put(node, "event.reminders", "{\"minutes\": 10}"),
            "event.reminders",
            "wrong type, expected an array"),
        calendar(
            "an attachment that is a list",
            node -> put(node, "event.attachments", "[[1]]"),
            "event.attachments[0]",
            "wrong type, expected an object"),
        calendar(
            "attendee without email",
            node -> remove(node, "event.attendee_details.0.email"),
            "event.attendee_details[0].email",
            "missing"),
        integration(
            "unknown integration status",
            node -> put(node, "status", "\"connected\""),
            "status",
            "unknown integration status 'connected'"),
        progress(
            "unknown progress state",
            node -> put(node, "state", "\"paused\""),
            "state",
            "unknown progress state 'paused'"),
        progress("remove job_id", node -> remove(node, "job_id"), "job_id", "missing"),
        progress("negative sequence", node -> put(node, "sequence", "-1"), "sequence", "negative"),
        progress(
            "negative processed", node -> put(node, "processed", "-3"), "processed", "negative"),
        progress("percent above 100", node -> put(node, "percent", "101"), "percent", "0..100"),
        progress("blank phase", node -> put(node, "phase", "\" \""), "phase", "blank"),
        progress(
            "failed without error",
            node -> put(node, "state", "\"failed\""),
            "error",
            "missing for state failed"),
        progress(
            "retrying with a blank error",
            node -> put(put(node, "state", "\"retrying\""), "error", "\"\""),
            "error",
            "missing for state retrying"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedMessageFailsNamingTheField(Case c) {
    assertThatThrownBy(() -> CODEC.decode(c.data(), c.type()))
        .isInstanceOf(EventValidationException.class)
        .satisfies(
            e -> {
              EventValidationException error = (EventValidationException) e;
              org.assertj.core.api.Assertions.assertThat(error.field()).isEqualTo(c.field());
              org.assertj.core.api.Assertions.assertThat(error.reason()).contains(c.reason());
            });
  }

  private static Case raw(String name, String data, String field, String reason) {
    return new Case(name, EventType.EMAIL, data.getBytes(StandardCharsets.UTF_8), field, reason);
  }

  /** A valid email whose user_id holds a byte that cannot start a UTF-8 sequence (0xFF). */
  private static Case invalidUtf8InAString() {
    byte[] json =
        validEmailJson().replace("\"user-1\"", "\"user-\u00001\"").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < json.length; i++) {
      if (json[i] == 0) {
        json[i] = (byte) 0xFF;
      }
    }
    return new Case("invalid UTF-8 in a string", EventType.EMAIL, json, "", "not valid UTF-8");
  }

  private static Case removed(String path, String field, String reason) {
    return mutated("email", EventType.EMAIL, "remove " + path, n -> remove(n, path), field, reason);
  }

  private static Case set(String path, String json, String field, String reason) {
    return mutated(
        "email", EventType.EMAIL, path + " = " + json, n -> put(n, path, json), field, reason);
  }

  private static Case calendar(
      String name, UnaryOperator<ObjectNode> mutation, String field, String reason) {
    return mutated("calendar", EventType.CALENDAR, name, mutation, field, reason);
  }

  private static Case integration(
      String name, UnaryOperator<ObjectNode> mutation, String field, String reason) {
    return mutated("integration", EventType.INTEGRATION, name, mutation, field, reason);
  }

  private static Case progress(
      String name, UnaryOperator<ObjectNode> mutation, String field, String reason) {
    return mutated("progress", EventType.PROGRESS, name, mutation, field, reason);
  }

  private static Case mutated(
      String kind,
      EventType type,
      String name,
      UnaryOperator<ObjectNode> mutation,
      String field,
      String reason) {
    ObjectNode node = (ObjectNode) JSON.readTree(CODEC.encode(valid(type)));
    byte[] data = JSON.writeValueAsBytes(mutation.apply(node));
    return new Case(kind + ": " + name, type, data, field, reason);
  }

  private static OfficeEvent valid(EventType type) {
    return EventFixtures.oneOfEach("user-1").stream()
        .filter(e -> EventType.of(e) == type)
        .findFirst()
        .orElseThrow();
  }

  private static String validEmailJson() {
    return new String(CODEC.encode(valid(EventType.EMAIL)), StandardCharsets.UTF_8);
  }

  private static ObjectNode remove(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    container(root, parts).remove(parts[parts.length - 1]);
    return root;
  }

  private static ObjectNode put(ObjectNode root, String path, String json) {
    String[] parts = path.split("\\.");
    container(root, parts).set(parts[parts.length - 1], JSON.readTree(json));
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
