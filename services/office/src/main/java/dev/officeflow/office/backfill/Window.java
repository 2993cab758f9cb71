package dev.officeflow.office.backfill;

import java.time.Instant;

/**
 * The part of a source's time span a run reads now: items dated in {@code [from, to)}. The newest
 * window of a job ends where the job's span ends ({@code openTop}): items newer than that are read
 * too, since streaming starts from a position captured during the run and must not miss them.
 */
public record Window(Instant from, Instant to, boolean openTop) {

  public Window {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a window needs from < to: " + from + ", " + to);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && (openTop || t.isBefore(to));
  }
}
