package dev.officeflow.office.backfill;

import org.jspecify.annotations.Nullable;

/**
 * Where a job resumes: the phase, the token of the page being read (null: the first page), the last
 * item of that page already published (null: none), and how many items of the phase are done (the
 * per-source cap counts them).
 */
public record Checkpoint(
    Phase phase, @Nullable String pageToken, @Nullable String lastItem, int phaseItems) {

  /** The start of {@code phase}. */
  public static Checkpoint start(Phase phase) {
    return new Checkpoint(phase, null, null, 0);
  }
}
