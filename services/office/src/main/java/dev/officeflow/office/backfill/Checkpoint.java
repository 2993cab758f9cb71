package dev.officeflow.office.backfill;

import org.jspecify.annotations.Nullable;

/**
 * Where a job resumes: the phase, the token of the page being read (null: the first page), the last
 * item of that page already published (null: none), how many items of the phase are done (the
 * per-source cap counts them), and for a source read by time windows the window being read (null:
 * the next one is chosen from the coverage).
 */
public record Checkpoint(
    Phase phase,
    @Nullable String pageToken,
    @Nullable String lastItem,
    int phaseItems,
    @Nullable Window window) {

  public Checkpoint(
      Phase phase, @Nullable String pageToken, @Nullable String lastItem, int phaseItems) {
    this(phase, pageToken, lastItem, phaseItems, null);
  }

  /** The start of {@code phase}. */
  public static Checkpoint start(Phase phase) {
    return new Checkpoint(phase, null, null, 0, null);
  }

  /** The same position, in {@code window}. */
  public Checkpoint in(@Nullable Window w) {
    return new Checkpoint(phase, pageToken, lastItem, phaseItems, w);
  }
}
