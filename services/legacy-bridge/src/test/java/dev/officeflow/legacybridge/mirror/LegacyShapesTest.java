package dev.officeflow.legacybridge.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.Operation;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.CalendarUpdateEvent;
import dev.officeflow.events.legacy.ContactUpdateEvent;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import dev.officeflow.events.legacy.EmailUpdateEvent;
import dev.officeflow.events.legacy.LegacyShape;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LegacyShapesTest {

  private static final String SPAN = "a1b2c3d4e5f60718";

  private final LegacyShapes shapes = new LegacyShapes("0.1.0");
  private final EventCodec codec = new EventCodec();
  private final JsonMapper tree = JsonMapper.builder().build();

  @Test
  void anEmailChangeIsAnEmailUpdateEventWithItsOperationAsUpdateType() {
    EmailEvent typed = MirrorFixtures.email("u1", "m1", Operation.DELETE);

    LegacyShapes.Mirrored mirrored = shapes.of(typed, SPAN);

    assertThat(mirrored.topic()).isEqualTo("email-updates");
    EmailUpdateEvent legacy = (EmailUpdateEvent) mirrored.event();
    assertThat(legacy.updateType()).isEqualTo("delete");
    assertThat(legacy.changeReason()).isEqualTo("real_time");
    assertThat(legacy.email()).isEqualTo(typed.email());
    assertThat(legacy.userId()).isEqualTo("u1");
  }

  @Test
  void aBackfilledEmailIsABackfillBatchOfThatOneEmailOnEmailBackfill() {
    EmailEvent typed = MirrorFixtures.backfilledEmail("u1", "m2");

    LegacyShapes.Mirrored mirrored = shapes.of(typed, SPAN);

    assertThat(mirrored.topic()).isEqualTo("email-backfill");
    EmailBackfillEvent legacy = (EmailBackfillEvent) mirrored.event();
    assertThat(legacy.emails()).containsExactly(typed.email());
    assertThat(legacy.batchSize()).isEqualTo(1);
    assertThat(legacy.syncType()).isEqualTo("backfill");
    assertThat(legacy.provider()).isEqualTo("google");
  }

  @Test
  void calendarEventsAndContactsAreTheirUpdateEvents() {
    LegacyShapes.Mirrored calendar =
        shapes.of(MirrorFixtures.calendar("u1", "c1", Operation.CREATE), SPAN);
    LegacyShapes.Mirrored contact = shapes.of(MirrorFixtures.contact("u1", "p1"), SPAN);

    assertThat(calendar.topic()).isEqualTo("calendar-updates");
    assertThat(((CalendarUpdateEvent) calendar.event()).updateType()).isEqualTo("create");
    assertThat(contact.topic()).isEqualTo("contact-updates");
    assertThat(((ContactUpdateEvent) contact.event()).changeReason()).isEqualTo("incremental_sync");
  }

  @Test
  void theMetadataKeepsTraceCorrelationUserAndTagsAndNamesTheMirror() {
    EmailEvent typed = MirrorFixtures.email("u1", "m3", Operation.UPDATE);
    EventMetadata t = typed.metadata();

    EventMetadata m = shapes.of(typed, SPAN).event().metadata();

    assertThat(m.sourceService()).isEqualTo(LegacyLoop.MIRROR_SOURCE);
    assertThat(m.traceId()).isEqualTo(t.traceId());
    assertThat(m.spanId()).isEqualTo(SPAN);
    assertThat(m.parentSpanId()).isEqualTo(t.spanId());
    assertThat(m.correlationId()).isEqualTo(t.correlationId());
    assertThat(m.requestId()).isEqualTo(t.requestId());
    assertThat(m.userId()).isEqualTo("u1");
    assertThat(m.tags()).isEqualTo(t.tags());
    assertThat(m.timestamp()).isEqualTo(t.timestamp());
  }

  @Test
  void aRedeliveredEventYieldsTheSameLegacyEventIdAndAnotherEventAnother() {
    EmailEvent typed = MirrorFixtures.email("u1", "m4", Operation.UPDATE);
    EmailEvent other = MirrorFixtures.email("u1", "m4", Operation.UPDATE);

    String first = shapes.of(typed, SPAN).event().metadata().eventId();
    String again = shapes.of(typed, "0f0e0d0c0b0a0908").event().metadata().eventId();

    assertThat(again).isEqualTo(first).isNotEqualTo(typed.metadata().eventId());
    assertThat(shapes.of(other, SPAN).event().metadata().eventId()).isNotEqualTo(first);
    assertThat(first).isEqualTo(LegacyShapes.eventId(typed.metadata().eventId()));
  }

  @Test
  void whatTheMirrorWritesIsExactlyOneDeprecatedShapeWithTheReferencesRequiredFields() {
    for (LegacyShapes.Mirrored mirrored :
        new LegacyShapes.Mirrored[] {
          shapes.of(MirrorFixtures.email("u1", "a", Operation.CREATE), SPAN),
          shapes.of(MirrorFixtures.backfilledEmail("u1", "b"), SPAN),
          shapes.of(MirrorFixtures.calendar("u1", "c", Operation.UPDATE), SPAN),
          shapes.of(MirrorFixtures.contact("u1", "d"), SPAN)
        }) {
      Set<String> fields =
          new TreeSet<>(tree.readTree(codec.encodePayload(mirrored.event())).propertyNames());

      assertThat(LegacyShape.matching(fields))
          .singleElement()
          .satisfies(shape -> assertThat(shape.topic()).isEqualTo(mirrored.topic()));
      assertThat(fields).contains("metadata", "user_id");
    }
  }

  @Test
  void anEventWithoutItsPayloadIsRefused() {
    EmailEvent typed = MirrorFixtures.email("u1", "m5", Operation.UPDATE);
    EmailEvent bare =
        new EmailEvent(
            typed.metadata(),
            "u1",
            Operation.UPDATE,
            null,
            typed.lastUpdated(),
            typed.syncTimestamp(),
            "google",
            typed.syncType(),
            null,
            new dev.officeflow.events.PayloadRef("redis", "k", 10, "0".repeat(64)));

    assertThatThrownBy(() -> shapes.of(bare, SPAN))
        .isInstanceOf(EventValidationException.class)
        .hasMessageContaining("nothing to mirror");
  }
}
