package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

  private final Instant start = Instant.parse("2026-10-01T09:00:00Z");

  @Test
  void weeklySeriesWithCountExpandsToEachOccurrence() {
    List<Instant> all =
        Occurrences.of(
            start, List.of("RRULE:FREQ=WEEKLY;COUNT=4"), start.plus(Duration.ofDays(365)));

    assertThat(all).hasSize(4).last().isEqualTo(start.plus(Duration.ofDays(21)));
  }

  @Test
  void occurrencesStopAtTheHorizon() {
    assertThat(Occurrences.of(start, List.of("RRULE:FREQ=DAILY"), start.plus(Duration.ofDays(2))))
        .hasSize(3);
  }

  @Test
  void singleEventIsOneOccurrence() {
    assertThat(Occurrences.of(start, List.of(), start)).containsExactly(start);
  }
}
