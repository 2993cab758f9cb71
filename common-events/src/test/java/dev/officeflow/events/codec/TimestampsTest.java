package dev.officeflow.events.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.EventValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Timestamps#parse} reads the form the services write without {@code DateTimeFormatter};
 * these tests hold it to what the formatter reads, value for value and refusal for refusal.
 */
class TimestampsTest {

  @Test
  void everyWrittenInstantReadsBackExactly() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(-2_208_988_800L, 7_258_118_400L); // 1900 to 2200
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(second, nanos);

      assertThat(Timestamps.parse(Timestamps.format(instant))).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-23T02:50:00Z",
        "2026-11-23T02:50:00.5Z",
        "2026-11-23T02:50:00.123456789Z",
        "2024-02-29T23:59:59.000000001Z",
        "2000-01-01T00:00:00.100Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "2026-11-23T02:50:00+00:00",
        "2026-11-23T03:50:00.25+01:00",
        "2026-11-23 02:50:00Z",
        "2026-11-23T02:50:00",
        "2026-11-23T02:50Z",
        "2026-11-23T02:50:00.Z"
      })
  void readsWhatTheFormatterReads(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(reference(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23T23:60:00Z",
        "2026-11-23T23:59:60Z",
        "2026-11-23T02:50:00.1234567890Z",
        "2026-11-23T02:50:0xZ",
        "2026-1a-23T02:50:00Z",
        "2026-11-23X02:50:00Z",
        "yesterday"
      })
  void refusesWhatTheFormatterRefuses(String text) {
    assertThatThrownBy(() -> reference(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Timestamps.parse(text))
        .isInstanceOf(EventValidationException.class)
        .hasMessageContaining("not an ISO 8601 timestamp: '" + text + "'");
  }

  /** ISO 8601 as DateTimeFormatter reads it, the rules {@link Timestamps} states. */
  private static Instant reference(String text) {
    String t = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
  }
}
