package dev.officeflow.office.backfill.store;

import dev.officeflow.office.backfill.Checkpoint;
import java.util.Map;

/**
 * What one checkpoint records: where the job now stands, the counters to add, the current estimates
 * and skipped sources.
 *
 * @param progressed the job moved forward (resets its failed-attempt count)
 */
public record Progress(
    Checkpoint checkpoint,
    long fetched,
    long published,
    long skipped,
    long failed,
    long gmailEstimate,
    long calendarEstimate,
    Map<String, String> skippedSources,
    boolean progressed) {

  public Progress {
    skippedSources = Map.copyOf(skippedSources);
  }
}
