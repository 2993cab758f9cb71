package dev.officeflow.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  static Stream<OfficeEvent> everyType() {
    return EventFixtures.oneOfEach("user-1").stream();
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void recordToJsonToRecordIsEqual(OfficeEvent event) {
    byte[] json = codec.encode(event);

    assertThat(codec.decode(json, EventType.of(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void aLeadingByteOrderMarkIsSkipped(OfficeEvent event) {
    byte[] json = codec.encode(event);
    byte[] withMark = new byte[json.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withMark, 3, json.length);

    assertThat(codec.decode(withMark, EventType.of(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void aRealReplacementCharacterIsKept(OfficeEvent sample) {
    OfficeEvent event =
        EventFixtures.oneOfEach("user-\uFFFD-ü").stream()
            .filter(e -> EventType.of(e) == EventType.of(sample))
            .findFirst()
            .orElseThrow();

    assertThat(codec.decode(codec.encode(event), EventType.of(event))).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void everyFieldIsWrittenInSnakeCaseWithNullsIncluded(OfficeEvent event) {
    String json = new String(codec.encode(event), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"metadata\":{\"event_id\":")
        .contains("\"user_id\":\"user-1\"")
        .contains("\"batch_id\":")
        .contains("\"last_updated\":\"2026-11-01T09:30:00.123Z\"")
        .contains("\"parent_span_id\":null")
        .doesNotContain("userId")
        .doesNotContain("lastUpdated");
  }
}
