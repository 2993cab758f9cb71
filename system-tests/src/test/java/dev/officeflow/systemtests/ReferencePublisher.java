package dev.officeflow.systemtests;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.Email;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.CalendarBatchEvent;
import dev.officeflow.events.legacy.ContactBatchEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reference Python service as the bridge sees it: the deprecated shapes on the legacy topics as
 * the reference's JSON, published with no attributes, each message its own {@code event_id}, trace
 * and span, {@code source_service} {@code office-service} (the reference models' default), and the
 * provider named as the caller says ({@code gmail} as the reference's models describe it, or {@code
 * google} as officeflow names it) in the envelope and in every item.
 */
final class ReferencePublisher {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper TREE = JsonMapper.builder().build();

  private final EmulatorPubSub pubsub;
  private final String prefix;
  private final String userId;
  private final AtomicInteger items = new AtomicInteger();

  ReferencePublisher(EmulatorPubSub pubsub, String prefix, String userId) {
    this.pubsub = pubsub;
    this.prefix = prefix;
    this.userId = userId;
  }

  /** An {@code EmailBackfillEvent} of {@code emails} on {@code email-backfill}. */
  void emailBackfill(List<Email> emails, String provider) {
    EmailBackfillEvent event =
        new EmailBackfillEvent(
            metadata(),
            userId,
            provider,
            emails,
            emails.size(),
            null,
            null,
            null,
            "INBOX",
            emails.size(),
            0);
    publish(Topics.EMAIL_BACKFILL, named(event, "emails", provider), emails.size());
  }

  /** An {@code EmailUpdateEvent} of {@code email} on {@code email-updates}. */
  void emailUpdate(Email email, String updateType, String provider) {
    EmailUpdateEvent event = new EmailUpdateEvent(metadata(), userId, email, updateType, "sync");
    ObjectNode json = (ObjectNode) TREE.readTree(CODEC.encodePayload(event));
    referenceItem(json.get("email")).put("provider", provider);
    publish(Topics.EMAIL_UPDATES, json, 1);
  }

  /** A {@code CalendarBatchEvent} of {@code events} on {@code calendar-updates}. */
  void calendarBatch(List<CalendarEntry> events, String provider) {
    CalendarBatchEvent event =
        new CalendarBatchEvent(
            metadata(),
            userId,
            provider,
            events,
            "sync",
            "cal-" + UUID.randomUUID(),
            "primary",
            null,
            null);
    publish(Topics.CALENDAR_UPDATES, named(event, "events", provider), events.size());
  }

  /**
   * A {@code ContactBatchEvent} on {@code contact-updates} of {@code contacts}, the reference's
   * contact items as JSON (the address book the reference synced; the office reads no People API
   * for this account).
   */
  void contactBatch(List<ObjectNode> contacts, String provider) {
    ContactBatchEvent event =
        new ContactBatchEvent(
            metadata(),
            userId,
            provider,
            List.of(),
            "sync",
            "contacts-" + UUID.randomUUID(),
            contacts.size(),
            0);
    ObjectNode json = (ObjectNode) TREE.readTree(CODEC.encodePayload(event));
    ArrayNode array = json.putArray("contacts");
    contacts.forEach(c -> array.add(c.deepCopy().put("provider", provider)));
    publish(Topics.CONTACT_UPDATES, json, contacts.size());
  }

  /** Items published so far (each item of a batch counts). */
  int items() {
    return items.get();
  }

  /** {@code event}'s JSON with {@code provider} in the envelope and in each of its items. */
  private static ObjectNode named(LegacyEvent<?> event, String field, String provider) {
    ObjectNode json = (ObjectNode) TREE.readTree(CODEC.encodePayload(event));
    json.put("provider", provider);
    for (JsonNode item : json.get(field)) {
      referenceItem(item).put("provider", provider);
    }
    return json;
  }

  /**
   * The item without officeflow's extensions, which the reference's models do not have: a reference
   * service never writes them, so the bridge must do without.
   */
  private static ObjectNode referenceItem(JsonNode item) {
    ObjectNode object = (ObjectNode) item;
    object.remove(List.of("display_names", "attendee_details"));
    return object;
  }

  private EventMetadata metadata() {
    HexFormat hex = HexFormat.of();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new EventMetadata(
        UUID.randomUUID().toString(),
        Instant.now(),
        "office-service",
        "1.0.0",
        hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()),
        hex.toHexDigits(random.nextLong()),
        null,
        "req-" + UUID.randomUUID(),
        userId,
        "corr-" + UUID.randomUUID(),
        Map.of());
  }

  private void publish(String topic, ObjectNode json, int itemCount) {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(TREE.writeValueAsBytes(json)))
            .build();
    try {
      pubsub.publisher().publish(prefix + topic, message).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("publishing on " + topic + " failed: " + e.getMessage(), e);
    }
    items.addAndGet(itemCount);
  }
}
