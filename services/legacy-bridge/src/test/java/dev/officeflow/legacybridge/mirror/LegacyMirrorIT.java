package dev.officeflow.legacybridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.CalendarUpdateEvent;
import dev.officeflow.events.legacy.ContactUpdateEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyEvent;
import dev.officeflow.legacybridge.bridge.LegacyFixtures;
import dev.officeflow.legacybridge.testing.BridgeApp;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.SubscriptionStatus;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The mirror on the emulator: typed events out in the legacy shapes, and no loop either way. */
@IntegrationTest
class LegacyMirrorIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** How long "nothing more arrives" is watched for, after what would have caused it was seen. */
  private static final Duration QUIET = Duration.ofSeconds(3);

  private final EventCodec codec = new EventCodec();

  @Test
  void eachTypedEventAppearsOnceInItsLegacyShapeOnItsLegacyTopic() throws Exception {
    try (BridgeApp app = BridgeApp.startMirroring()) {
      EmulatorPubSub.Collector updates = app.listen("email-updates");
      EmulatorPubSub.Collector backfill = app.listen("email-backfill");
      EmulatorPubSub.Collector calendars = app.listen("calendar-updates");
      EmulatorPubSub.Collector contacts = app.listen("contact-updates");
      DataEvent<?> changed = MirrorFixtures.email("m1", "e1", Operation.UPDATE);
      DataEvent<?> backfilled = MirrorFixtures.backfilledEmail("m1", "e2");
      DataEvent<?> cancelled = MirrorFixtures.calendar("m1", "c1", Operation.DELETE);
      DataEvent<?> contact = MirrorFixtures.contact("m1", "p1");

      publishTyped(app, "emails", changed);
      publishTyped(app, "emails", backfilled);
      publishTyped(app, "calendars", cancelled);
      publishTyped(app, "contacts", contact);

      EmailUpdateEvent update = once(updates, EmailUpdateEvent.class);
      EmailBackfillEvent batch = once(backfill, EmailBackfillEvent.class);
      CalendarUpdateEvent calendar = once(calendars, CalendarUpdateEvent.class);
      ContactUpdateEvent person = once(contacts, ContactUpdateEvent.class);
      assertThat(update.updateType()).isEqualTo("update");
      assertThat(update.email().providerMessageId()).isEqualTo("e1");
      assertThat(batch.emails()).singleElement().satisfies(e -> assertThat(e.id()).endsWith("e2"));
      assertThat(calendar.updateType()).isEqualTo("delete");
      assertThat(person.updateType()).isEqualTo("create");
      assertMirrors(update, changed);
      assertMirrors(batch, backfilled);
      assertMirrors(calendar, cancelled);
      assertMirrors(person, contact);
      assertThat(published(app, "email-updates")).isEqualTo(1);
    }
  }

  @Test
  void aTypedEventTheBridgeMadeFromALegacyMessageIsNotMirroredBack() throws Exception {
    try (BridgeApp app = BridgeApp.startMirroring()) {
      EmulatorPubSub.Collector updates = app.listen("email-updates");
      EmulatorPubSub.Collector emails = app.collect("vespa-loader-emails");
      LegacyLoop loop = app.service().bean(LegacyLoop.class);

      app.publish(
          "email-updates", LegacyFixtures.json(LegacyFixtures.emailUpdate("m2", "up", "update")));

      await().atMost(WAIT).until(() -> emails.messages().size() == 1);
      await().atMost(WAIT).until(() -> loop.skips(LegacyLoop.MIRROR_SIDE, "emails") == 1);
      // Only the reference's own message is on the legacy topic, never a mirrored copy.
      await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> updates.messages().size() == 1);
      EmailUpdateEvent only = decode(updates.messages().get(0), EmailUpdateEvent.class);
      assertThat(only.metadata().sourceService()).isEqualTo("office-service");
      assertThat(published(app, "email-updates")).isZero();
    }
  }

  @Test
  void aLegacyMessageTheMirrorMadeIsNotBridgedBack() throws Exception {
    try (BridgeApp app = BridgeApp.startMirroring()) {
      EmulatorPubSub.Collector updates = app.listen("email-updates");
      EmulatorPubSub.Collector emails = app.collect("vespa-loader-emails");
      LegacyLoop loop = app.service().bean(LegacyLoop.class);

      publishTyped(app, "emails", MirrorFixtures.email("m3", "e3", Operation.CREATE));

      await().atMost(WAIT).until(() -> updates.messages().size() == 1);
      await().atMost(WAIT).until(() -> loop.skips(LegacyLoop.BRIDGE_SIDE, "email-updates") == 1);
      // Nothing new on emails: the one there is the office's own.
      await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> emails.messages().size() == 1);
      assertThat(emails.messages().get(0).getAttributesMap())
          .containsEntry(EventAttributes.SOURCE, "//officeflow/office");
    }
  }

  @Test
  void withTheMirrorOffByDefaultNoMirrorSubscriptionIsReadAndNothingIsPublished() throws Exception {
    try (BridgeApp app = BridgeApp.startWithMirrorSubscriptions()) {
      EmulatorPubSub.Collector updates = app.listen("email-updates");
      EmulatorPubSub.Collector backfill = app.listen("email-backfill");

      publishTyped(app, "emails", MirrorFixtures.email("m4", "e4", Operation.UPDATE));
      publishTyped(app, "emails", MirrorFixtures.backfilledEmail("m4", "e5"));

      assertThat(app.service().context().getBeansOfType(MirrorLifecycle.class)).isEmpty();
      assertThat(app.service().bean(ConsumerRuntime.class).status().subscriptions())
          .extracting(SubscriptionStatus::subscription)
          .isNotEmpty()
          .noneMatch(name -> name.contains("legacy-mirror"));
      await()
          .during(QUIET)
          .atMost(QUIET.plus(WAIT))
          .until(() -> updates.messages().isEmpty() && backfill.messages().isEmpty());
      // Both still wait, unread, on the mirror's subscription.
      EmulatorPubSub.Collector unread = app.collect("legacy-mirror-emails");
      await().atMost(WAIT).until(() -> unread.messages().size() == 2);
    }
  }

  private void publishTyped(BridgeApp app, String topic, DataEvent<?> event) {
    app.publish(topic, codec.encode(event), EventAttributes.of(event, null));
  }

  /** The one message that arrives on {@code collector}, decoded; fails if a second comes. */
  private <L extends LegacyEvent<?>> L once(EmulatorPubSub.Collector collector, Class<L> shape) {
    await().atMost(WAIT).until(() -> !collector.messages().isEmpty());
    await().during(QUIET).atMost(QUIET.plus(WAIT)).until(() -> collector.messages().size() == 1);
    PubsubMessage message = collector.messages().get(0);
    assertThat(message.getAttributesMap()).as("published as the reference does").isEmpty();
    return decode(message, shape);
  }

  private <L extends LegacyEvent<?>> L decode(PubsubMessage message, Class<L> shape) {
    return codec.decodePayload(message.getData().toByteArray(), shape, "");
  }

  private static void assertMirrors(LegacyEvent<?> legacy, DataEvent<?> typed) {
    EventMetadata m = legacy.metadata();
    EventMetadata t = typed.metadata();
    assertThat(m.eventId()).isEqualTo(LegacyShapes.eventId(t.eventId()));
    assertThat(m.sourceService()).isEqualTo(LegacyLoop.MIRROR_SOURCE);
    assertThat(m.traceId()).isEqualTo(t.traceId());
    assertThat(m.correlationId()).isEqualTo(t.correlationId());
    assertThat(m.userId()).isEqualTo(t.userId());
    assertThat(legacy.userId()).isEqualTo(typed.userId());
  }

  private static double published(BridgeApp app, String legacyTopic) {
    var counter =
        app.service()
            .bean(MeterRegistry.class)
            .find("officeflow.legacy.mirror.published")
            .tag("topic", legacyTopic)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
