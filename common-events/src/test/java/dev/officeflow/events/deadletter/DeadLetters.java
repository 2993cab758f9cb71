package dev.officeflow.events.deadletter;

import dev.officeflow.events.EventAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Dead letters as the runtime writes them, for the tests. */
final class DeadLetters {

  private DeadLetters() {}

  /** An event of {@code user} dead-lettered with {@code reason}. */
  static DeadLetter of(String id, String user, String reason) {
    String json =
        "{\"metadata\":{\"event_id\":\"e-"
            + id
            + "\",\"user_id\":\""
            + user
            + "\"},\"user_id\":\""
            + user
            + "\",\"operation\":\"create\"}";
    return new DeadLetter(
        id,
        "",
        Map.of(
            EventAttributes.SUBJECT,
            user,
            EventAttributes.ERROR_REASON,
            reason,
            EventAttributes.ERROR_SUBSCRIPTION,
            "contacts-emails",
            EventAttributes.ERROR_MESSAGE_ID,
            "orig-" + id),
        json.getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-12-06T10:00:00Z"));
  }

  static DeadLetter raw(String id, Map<String, String> attributes, String data) {
    return new DeadLetter(
        id,
        "",
        attributes,
        data.getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-12-06T10:00:00Z"));
  }
}
