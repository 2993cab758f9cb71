package dev.officeflow.legacybridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.gax.batching.BatchingSettings;
import com.google.cloud.spring.pubsub.support.PublisherFactory;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.legacybridge.testing.BridgeApp;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bridge on the emulator: every deprecated shape in, typed events and dead letters out. */
@IntegrationTest
class LegacyBridgeIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private final EventCodec codec = new EventCodec();

  @Test
  void everyDeprecatedShapeArrivesOnceAsTypedEventsWithItsOperation() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      EmulatorPubSub.Collector emails = bridge.collect("vespa-loader-emails");
      EmulatorPubSub.Collector calendars = bridge.collect("vespa-loader-calendars");
      EmulatorPubSub.Collector contacts = bridge.collect("vespa-loader-contacts");
      EmailBackfillEvent backfill = LegacyFixtures.backfill("u1", LegacyFixtures.emails("bf", 3));

      bridge.publish("email-backfill", LegacyFixtures.json(backfill));
      bridge.publish(
          "email-backfill",
          LegacyFixtures.json(LegacyFixtures.emailBatch("u1", LegacyFixtures.emails("bt", 2))));
      bridge.publish(
          "email-updates", LegacyFixtures.json(LegacyFixtures.emailUpdate("u1", "up", "delete")));
      bridge.publish(
          "calendar-updates",
          LegacyFixtures.json(LegacyFixtures.calendarUpdate("u1", "ce", "update")));
      bridge.publish(
          "calendar-updates", LegacyFixtures.json(LegacyFixtures.calendarBatch("u1", 2)));
      bridge.publish(
          "contact-updates",
          LegacyFixtures.json(LegacyFixtures.contactUpdate("u1", "cu", "create")));
      bridge.publish("contact-updates", LegacyFixtures.json(LegacyFixtures.contactBatch("u1", 2)));

      await().atMost(WAIT).until(() -> emails.messages().size() >= 6);
      await().atMost(WAIT).until(() -> calendars.messages().size() >= 3);
      await().atMost(WAIT).until(() -> contacts.messages().size() >= 3);

      List<DataEvent<?>> mail = decode(emails, EventType.EMAIL);
      assertThat(operations(mail))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "bf-0", "create", "bf-1", "create", "bf-2", "create", "bt-0", "create", "bt-1",
                  "create", "up", "delete"));
      assertThat(operations(decode(calendars, EventType.CALENDAR)))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("ce", "update", "ev-0", "create", "ev-1", "create"));
      assertThat(operations(decode(contacts, EventType.CONTACT))).hasSize(3);
      assertThat(mail)
          .allSatisfy(
              event -> {
                assertThat(event.provider()).isEqualTo("google");
                assertThat(event.metadata().traceId()).isEqualTo(backfill.metadata().traceId());
                assertThat(event.metadata().correlationId()).isEqualTo("corr-legacy-1");
                assertThat(event.metadata().sourceService()).isEqualTo("legacy-bridge");
              });
      assertThat(emails.messages()).hasSize(6);
    }
  }

  @Test
  void aLegacyBatchsFiftyTypedEventsFitOnePublishRequest() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      BatchingSettings batching =
          bridge
              .service()
              .bean(PublisherFactory.class)
              .createPublisher(bridge.service().prefix() + "emails")
              .getBatchingSettings();

      // The client's default (1,000 bytes) sent each typed event of a batch as its own request.
      assertThat(batching.getElementCountThreshold()).isGreaterThanOrEqualTo(50L);
      assertThat(batching.getRequestByteThreshold()).isGreaterThanOrEqualTo(50L * 5_500);
      assertThat(batching.getDelayThresholdDuration()).isLessThanOrEqualTo(Duration.ofMillis(10));
    }
  }

  @Test
  void aRedeliveredBatchYieldsTheSameEventsAndNothingNew() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      EmulatorPubSub.Collector emails = bridge.collect("vespa-loader-emails");
      byte[] batch =
          LegacyFixtures.json(LegacyFixtures.backfill("u2", LegacyFixtures.emails("rd", 5)));

      bridge.publish("email-backfill", batch);
      await().atMost(WAIT).until(() -> emails.messages().size() >= 5);
      Map<String, String> first = bodiesById(decode(emails, EventType.EMAIL));
      bridge.publish("email-backfill", batch);
      await().atMost(WAIT).until(() -> emails.messages().size() >= 10);

      Map<String, String> both = bodiesById(decode(emails, EventType.EMAIL));
      assertThat(first).hasSize(5);
      assertThat(both).isEqualTo(first);
    }
  }

  @Test
  void oneBadItemInABatchOfFiftyIsDeadLetteredAloneAndTheFortyNineFlow() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      EmulatorPubSub.Collector emails = bridge.collect("vespa-loader-emails");
      EmulatorPubSub.Collector dead = bridge.collect("legacy-bridge-email-backfill-dead-letter");
      EmailBackfillEvent batch = LegacyFixtures.backfill("u3", LegacyFixtures.emails("pb", 50));

      bridge.publish(
          "email-backfill", LegacyFixtures.withoutItemField(batch, "emails", 17, "received_date"));

      await()
          .atMost(WAIT)
          .until(() -> emails.messages().size() >= 49 && !dead.messages().isEmpty());
      assertThat(operations(decode(emails, EventType.EMAIL)))
          .hasSize(49)
          .doesNotContainKey("pb-17")
          .containsKeys("pb-0", "pb-16", "pb-18", "pb-49");
      assertThat(dead.messages()).hasSize(1);
      PubsubMessage letter = dead.messages().get(0);
      assertThat(letter.getAttributesMap())
          .containsEntry("legacy_item_position", "17")
          .containsEntry("error_reason", "invalid: emails[17].received_date: missing")
          .containsEntry("error_class", "invalid")
          .containsEntry("ce-subject", "u3");
      String data = letter.getData().toStringUtf8();
      assertThat(data).contains("\"pb-17\"").doesNotContain("\"pb-16\"").contains("batch_size");
    }
  }

  @Test
  void aMessageOfNoKnownShapeIsDeadLetteredWholeWithTheReason() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      EmulatorPubSub.Collector dead = bridge.collect("legacy-bridge-email-updates-dead-letter");
      byte[] unknown =
          "{\"user_id\":\"u4\",\"metadata\":{},\"message\":\"hello\"}"
              .getBytes(StandardCharsets.UTF_8);

      String id = bridge.publish("email-updates", unknown);

      await().atMost(WAIT).until(() -> !dead.messages().isEmpty());
      PubsubMessage letter = dead.messages().get(0);
      assertThat(letter.getData().toByteArray()).isEqualTo(unknown);
      assertThat(letter.getAttributesMap().get("error_reason"))
          .startsWith("unknown_shape: fields [message, metadata, user_id]");
      assertThat(letter.getAttributesMap()).containsEntry("error_message_id", id);
    }
  }

  /** The event's JSON but for the publish span, which is each publish's own. */
  private String withoutPublishSpan(DataEvent<?> event) {
    var metadata = event.metadata().withTrace(event.metadata().traceId(), "0".repeat(16), null);
    return new String(codec.encode(event.withMetadata(metadata)), StandardCharsets.UTF_8);
  }

  @Test
  void aReplayedItemKeepsItsEventIdAndABadUpdateIsDeadLetteredWhole() throws Exception {
    try (BridgeApp bridge = BridgeApp.start()) {
      EmulatorPubSub.Collector emails = bridge.collect("vespa-loader-emails");
      EmulatorPubSub.Collector dead = bridge.collect("legacy-bridge-email-updates-dead-letter");
      EmailBackfillEvent fixed = LegacyFixtures.backfill("u5", LegacyFixtures.emails("rp", 1));

      bridge.publish(
          "email-backfill", LegacyFixtures.json(fixed), Map.of("legacy_item_position", "17"));
      bridge.publish(
          "email-updates", LegacyFixtures.json(LegacyFixtures.emailUpdate("u5", "x", "archive")));

      await().atMost(WAIT).until(() -> !emails.messages().isEmpty() && !dead.messages().isEmpty());
      assertThat(decode(emails, EventType.EMAIL).get(0).metadata().eventId())
          .isEqualTo(TypedEvents.eventId(fixed.metadata().eventId(), 17));
      assertThat(dead.messages().get(0).getAttributesMap().get("error_reason"))
          .startsWith("invalid: ")
          .contains("archive");
    }
  }

  private List<DataEvent<?>> decode(EmulatorPubSub.Collector collector, EventType type) {
    return collector.messages().stream()
        .<DataEvent<?>>map(m -> (DataEvent<?>) codec.decode(m.getData().toByteArray(), type))
        .toList();
  }

  /** Each event's operation by the item's provider id; a duplicate item fails the collection. */
  private static Map<String, String> operations(List<DataEvent<?>> events) {
    return events.stream()
        .collect(Collectors.toMap(DataEvent::providerItemId, e -> e.operation().wire()));
  }

  private Map<String, String> bodiesById(List<DataEvent<?>> events) {
    return events.stream()
        .collect(
            Collectors.toMap(
                e -> e.metadata().eventId(),
                e -> withoutPublishSpan(e),
                (a, b) -> {
                  assertThat(b).isEqualTo(a);
                  return a;
                }));
  }
}
