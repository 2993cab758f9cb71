package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.codec.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas' regular expressions match exactly what the records' checks and the codec do. */
class PatternsTest {

  private static final Pattern NOT_BLANK = Pattern.compile(Patterns.NOT_BLANK);
  private static final Pattern TIMESTAMP = Pattern.compile(Patterns.TIMESTAMP);

  @Test
  void notBlankFindsExactlyTheCharactersThatAreNotJavaWhiteSpace() {
    List<String> differing = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = String.valueOf(c);
      if (NOT_BLANK.matcher(text).find() == text.isBlank()) {
        differing.add(String.format("U+%04X", (int) c));
      }
    }

    assertThat(differing).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-11-01T09:30:00.123Z",
        "2026-11-01T09:30:00.000001Z",
        "2026-11-01T09:30:00.123456789Z",
        "2024-02-29T23:59:59Z",
        "2000-02-29T12:00:00Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z"
      })
  void timestampMatchesWhatTheCodecWrites(String text) {
    String written = Timestamps.format(Instant.parse(text));

    assertThat(written).isEqualTo(text);
    assertThat(TIMESTAMP.matcher(written).matches()).isTrue();
  }

  @Test
  void timestampMatchesADateExactlyWhenTheDateExists() {
    List<String> differing = new ArrayList<>();
    for (int year : new int[] {1900, 2000, 2023, 2024, 2100, 2400}) {
      for (int month = 1; month <= 12; month++) {
        for (int day = 1; day <= 31; day++) {
          String text = String.format("%04d-%02d-%02dT10:00:00Z", year, month, day);
          if (TIMESTAMP.matcher(text).matches() != exists(year, month, day)) {
            differing.add(text);
          }
        }
      }
    }

    assertThat(differing).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-01T09:30:00+00:00",
        "2026-11-01T09:30:00",
        "2026-11-01 09:30:00Z",
        "2026-11-01",
        "2026-11-01T24:00:00Z",
        "2026-11-01T09:60:00Z",
        "2026-11-01T09:30:60Z",
        "2026-11-01T09:30:00.Z",
        "2026-11-01T09:30:00.1234567890Z",
        "2026-11-01T09:30:00z"
      })
  void timestampRefusesEveryOtherForm(String text) {
    assertThat(TIMESTAMP.matcher(text).matches()).isFalse();
  }

  private static boolean exists(int year, int month, int day) {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
