package dev.officeflow.office.backfill.store;

import dev.officeflow.office.backfill.Checkpoint;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one checkpoint records: where the job now stands, the counters to add, the current estimates
 * and skipped sources.
 *
 * @param progressed the job moved forward (resets its failed-attempt count)
 * @param mailHistoryId the mailbox's history id when the Gmail phase started (null: not captured in
 *     this run); the first one stored is kept
 * @param claim what the step read completely of its window, recorded with the checkpoint (null:
 *     nothing)
 */
public record Progress(
    Checkpoint checkpoint,
    long fetched,
    long published,
    long skipped,
    long failed,
    long mailEstimate,
    long calendarEstimate,
    Map<String, String> skippedSources,
    boolean progressed,
    @Nullable Long mailHistoryId,
    @Nullable Claim claim) {

  /** {@code [from, to)} of {@code source} read completely, {@code edge} read just below it. */
  public record Claim(String source, Instant from, Instant to, Set<String> edge) {
    public Claim {
      edge = Set.copyOf(edge);
    }
  }

  public Progress {
    skippedSources = Map.copyOf(skippedSources);
  }

  public Progress(
      Checkpoint checkpoint,
      long fetched,
      long published,
      long skipped,
      long failed,
      long mailEstimate,
      long calendarEstimate,
      Map<String, String> skippedSources,
      boolean progressed) {
    this(
        checkpoint,
        fetched,
        published,
        skipped,
        failed,
        mailEstimate,
        calendarEstimate,
        skippedSources,
        progressed,
        null,
        null);
  }
}
