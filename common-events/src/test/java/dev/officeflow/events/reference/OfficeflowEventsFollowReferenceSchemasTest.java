package dev.officeflow.events.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.SyncType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.reference.EventVariants.BodyMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, item 5, officeflow to the reference: every data event officeflow emits, as the codec
 * writes it, in every mode, is something the reference's pydantic models read (their hand-written
 * schemas in {@code reference-schemas/} accept it).
 */
class OfficeflowEventsFollowReferenceSchemasTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final ReferenceSchemas SCHEMAS = ReferenceSchemas.load();
  private static final String USER = "user-ref-check";

  static Stream<Arguments> everyTypeBodyModeAndProduction() {
    List<Arguments> cases = new ArrayList<>();
    for (DataEvent<?> event : EventVariants.fixtures(USER)) {
      for (BodyMode mode : BodyMode.values()) {
        for (SyncType sync : SyncType.values()) {
          DataEvent<?> variant = EventVariants.inMode(EventVariants.producedBy(event, sync), mode);
          cases.add(Arguments.of(EventType.of(event), mode, sync, variant));
        }
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> fixtures() {
    return EventVariants.fixtures(USER).stream().map(e -> Arguments.of(EventType.of(e), e));
  }

  static Stream<Arguments> sparseDeletions() {
    return EventVariants.sparse(USER).stream().map(e -> Arguments.of(EventType.of(e), e));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyTypeBodyModeAndProduction")
  void theReferenceModelReadsWhatTheCodecWrites(
      EventType type, BodyMode mode, SyncType sync, DataEvent<?> event) {
    byte[] json = CODEC.encode(event);

    assertThat(SCHEMAS.errors(type, json)).as(new String(json)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sparseDeletions")
  void aPayloadWithNothingButWhatTheRecordsRequireIsReadByTheReferenceModel(
      EventType type, DataEvent<?> event) {
    byte[] json = CODEC.encode(event);

    assertThat(SCHEMAS.errors(type, json)).as(new String(json)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void metadataStampedByAClockWithNanosecondsIsReadByTheReferenceModel(
      EventType type, DataEvent<?> event) {
    Clock nanos = Clock.fixed(Instant.parse("2026-11-01T09:31:00.123456789Z"), ZoneOffset.UTC);
    byte[] json =
        CODEC.encode(event.withMetadata(EventMetadata.create("office", "0.1.0", USER, nanos)));

    assertThat(new String(json)).contains(".123456789Z");
    assertThat(SCHEMAS.errors(type, json)).isEmpty();
  }
}
