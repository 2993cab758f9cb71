package dev.officeflow.office.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What of a source's time line the office has read completely for a user (ARCHITECTURE §7,
 * "Incremental windows"): intervals {@code [from, to)}, each with the ids already read in the
 * second just below {@code from} (its {@code edge}). Boundaries are whole seconds, the resolution
 * of provider queries ({@code after:}/{@code before:}); a step that stopped inside a second claims
 * only from the next second on and keeps the ids it read in that second, so the run that fills the
 * gap below neither misses the rest of that second nor reads those ids again.
 */
public final class Coverage {

  /** One recorded interval. */
  public record Interval(Instant from, Instant to, Set<String> edge) {
    public Interval {
      edge = Set.copyOf(edge);
    }
  }

  private final List<Interval> intervals;

  public Coverage(List<Interval> intervals) {
    this.intervals =
        intervals.stream()
            .filter(i -> i.from().isBefore(i.to()))
            .sorted(Comparator.comparing(Interval::from))
            .toList();
  }

  public static Coverage none() {
    return new Coverage(List.of());
  }

  /**
   * The newest part of {@code span} not yet covered, split at {@code recent} so that a recent slice
   * is its own window; empty when the span is covered. The window that reaches the span's end is
   * open at the top.
   */
  public java.util.Optional<Window> nextWindow(Instant spanFrom, Instant spanTo, Instant recent) {
    Instant to = spanTo;
    List<Interval> newestFirst = new ArrayList<>(intervals);
    newestFirst.sort(Comparator.comparing(Interval::to).reversed());
    // Walk down from the top: skip what is covered, the first uncovered stretch is the window.
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Interval i : newestFirst) {
        if (!i.from().isAfter(to.minusNanos(1)) && i.to().isAfter(to.minusNanos(1))) {
          to = i.from();
          moved = true;
        }
      }
    }
    if (!to.isAfter(spanFrom)) {
      return java.util.Optional.empty();
    }
    Instant from = spanFrom;
    for (Interval i : newestFirst) {
      if (i.to().isAfter(from) && !i.to().isAfter(to)) {
        from = i.to();
      }
    }
    if (recent.isAfter(from) && recent.isBefore(to)) {
      from = recent;
    }
    return java.util.Optional.of(new Window(from, to, to.equals(spanTo)));
  }

  /** Ids already read just below {@code at}: an interval that starts there keeps them. */
  public Set<String> readBelow(Instant at) {
    Set<String> ids = new HashSet<>();
    intervals.stream().filter(i -> i.from().equals(at)).forEach(i -> ids.addAll(i.edge()));
    return ids;
  }

  public List<Interval> intervals() {
    return intervals;
  }

  /**
   * The second after the one {@code t} is in: what a step whose oldest item is dated {@code t} may
   * claim as read from, since items of that same second may still be unread.
   */
  public static Instant secondAbove(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofSeconds(1));
  }
}
