package dev.officeflow.office.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.backfill.Coverage.Interval;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00.250Z");
  private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant RECENT = Instant.parse("2026-11-24T00:00:00Z");

  @Test
  void nothingCoveredReadsTheRecentSliceFirstThenTheRest() {
    Coverage none = Coverage.none();

    assertThat(none.nextWindow(FROM, TO, RECENT)).contains(new Window(RECENT, TO, true));
    Coverage recentRead = new Coverage(List.of(new Interval(RECENT, TO, Set.of())));
    assertThat(recentRead.nextWindow(FROM, TO, RECENT)).contains(new Window(FROM, RECENT, false));
  }

  @Test
  void aJobStoppedHalfwayLeavesExactlyTheGapBelowWhatItRead() {
    Instant reached = Instant.parse("2026-11-10T12:00:01Z");
    Coverage partial =
        new Coverage(
            List.of(
                new Interval(RECENT, TO, Set.of()), new Interval(reached, RECENT, Set.of("m1"))));

    assertThat(partial.nextWindow(FROM, TO, RECENT)).contains(new Window(FROM, reached, false));
    assertThat(partial.readBelow(reached)).containsExactly("m1");
    assertThat(partial.readBelow(RECENT)).isEmpty();
  }

  @Test
  void aNewerSpanReadsOnlyWhatCameAfterTheLastJob() {
    Instant later = TO.plusSeconds(3_600);
    Coverage earlier = new Coverage(List.of(new Interval(FROM, TO, Set.of())));

    assertThat(earlier.nextWindow(FROM.plusSeconds(3_600), later, later.minusSeconds(86_400 * 7)))
        .contains(new Window(TO, later, true));
  }

  @Test
  void aGapBetweenTwoCoveredStretchesIsFoundAndACoveredSpanHasNoWindow() {
    Instant a = Instant.parse("2026-11-05T00:00:00Z");
    Instant b = Instant.parse("2026-11-15T00:00:00Z");
    Coverage twoStretches =
        new Coverage(List.of(new Interval(b, TO, Set.of()), new Interval(FROM, a, Set.of())));

    assertThat(twoStretches.nextWindow(FROM, TO, RECENT)).contains(new Window(a, b, false));
    Coverage all =
        new Coverage(
            List.of(
                new Interval(b, TO, Set.of()), new Interval(FROM.minusSeconds(1), b, Set.of())));
    assertThat(all.nextWindow(FROM, TO, RECENT)).isEmpty();
  }

  @Test
  void aStepClaimsFromTheSecondAboveItsOldestItem() {
    assertThat(Coverage.secondAbove(Instant.parse("2026-11-10T12:00:00.700Z")))
        .isEqualTo(Instant.parse("2026-11-10T12:00:01Z"));
    assertThat(Coverage.secondAbove(Instant.parse("2026-11-10T12:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-10T12:00:01Z"));
  }
}
