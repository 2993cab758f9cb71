package dev.officeflow.legacybridge.bridge;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.Contact;
import dev.officeflow.events.Email;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.CalendarBatchEvent;
import dev.officeflow.events.legacy.CalendarUpdateEvent;
import dev.officeflow.events.legacy.ContactBatchEvent;
import dev.officeflow.events.legacy.ContactUpdateEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailBatchEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Legacy messages as the reference services publish them: the legacy records written with the event
 * codec (what the mirror will publish), with the product's provider names ({@code gmail}, {@code
 * outlook}) where the reference writes them.
 */
public final class LegacyFixtures {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper TREE = JsonMapper.builder().build();

  private LegacyFixtures() {}

  public static EventMetadata metadata(String userId) {
    EventMetadata office = EventFixtures.metadata(userId);
    return new EventMetadata(
        office.eventId(),
        office.timestamp(),
        "office-service",
        "1.0.0",
        office.traceId(),
        office.spanId(),
        null,
        "req-legacy",
        userId,
        "corr-legacy-1",
        java.util.Map.of());
  }

  public static List<Email> emails(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> EventFixtures.email(prefix + "-" + i)).toList();
  }

  public static EmailBackfillEvent backfill(String userId, List<Email> emails) {
    return new EmailBackfillEvent(
        metadata(userId),
        userId,
        "gmail",
        emails,
        emails.size(),
        null,
        null,
        null,
        "INBOX",
        emails.size(),
        0);
  }

  public static EmailBatchEvent emailBatch(String userId, List<Email> emails) {
    return new EmailBatchEvent(metadata(userId), userId, "gmail", emails, "import", "batch-7");
  }

  public static EmailUpdateEvent emailUpdate(String userId, String id, String updateType) {
    return new EmailUpdateEvent(
        metadata(userId), userId, EventFixtures.email(id), updateType, "label changed");
  }

  public static CalendarUpdateEvent calendarUpdate(String userId, String id, String updateType) {
    return new CalendarUpdateEvent(
        metadata(userId), userId, EventFixtures.calendarEntry(id), updateType, null);
  }

  public static CalendarBatchEvent calendarBatch(String userId, int count) {
    List<CalendarEntry> events =
        IntStream.range(0, count).mapToObj(i -> EventFixtures.calendarEntry("ev-" + i)).toList();
    return new CalendarBatchEvent(
        metadata(userId), userId, "google", events, "sync", "cal-batch-1", "primary", null, null);
  }

  public static Contact contact(String id) {
    return EventFixtures.contactEvent("u", id).contact();
  }

  public static ContactUpdateEvent contactUpdate(String userId, String id, String updateType) {
    return new ContactUpdateEvent(metadata(userId), userId, contact(id), updateType, null);
  }

  public static ContactBatchEvent contactBatch(String userId, int count) {
    List<Contact> contacts = IntStream.range(0, count).mapToObj(i -> contact("c-" + i)).toList();
    return new ContactBatchEvent(
        metadata(userId), userId, "outlook", contacts, "sync", "contacts-batch-1", count, 0);
  }

  /** The reference's JSON of {@code event}. */
  public static byte[] json(LegacyEvent<?> event) {
    return CODEC.encodePayload(event);
  }

  /**
   * {@code event}'s JSON with the {@code position}-th item of {@code field} lacking {@code key}.
   */
  public static byte[] withoutItemField(
      LegacyEvent<?> event, String field, int position, String key) {
    ObjectNode json = (ObjectNode) TREE.readTree(json(event));
    ((ObjectNode) json.get(field).get(position)).remove(key);
    return TREE.writeValueAsBytes(json);
  }

  /** {@code event}'s JSON with {@code field} set to {@code value}. */
  public static byte[] with(LegacyEvent<?> event, String field, String value) {
    ObjectNode json = (ObjectNode) TREE.readTree(json(event));
    json.put(field, value);
    return TREE.writeValueAsBytes(json);
  }
}
