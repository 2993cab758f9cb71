package dev.officeflow.office.backfill;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A backfill job as stored: window and caps, cumulative counters, checkpoint, attempts and lease.
 *
 * @param mailEstimate Gmail's estimate of the messages to read (capped), 0 until listed
 * @param calendarEstimate events read or known to come, 0 until listed
 * @param skippedSources source → why it was skipped (a missing scope)
 * @param attempts failed runs since the job last made progress (it fails at the configured limit)
 * @param runs runs started, including resumes and continuations
 * @param traceparent the W3C trace context its runs continue ({@link JobTrace}), null when none
 */
public record BackfillJob(
    UUID id,
    String userId,
    String provider,
    JobStatus status,
    Instant emailAfter,
    Instant calendarFrom,
    Instant calendarTo,
    int maxEmails,
    int maxEvents,
    long fetched,
    long published,
    long skipped,
    long failed,
    long mailEstimate,
    long calendarEstimate,
    Checkpoint checkpoint,
    Map<String, String> skippedSources,
    int attempts,
    int runs,
    @Nullable String error,
    Instant nextRunAt,
    @Nullable String leaseOwner,
    @Nullable Instant leaseExpiresAt,
    Instant createdAt,
    @Nullable Instant startedAt,
    Instant updatedAt,
    @Nullable Instant finishedAt,
    @Nullable String traceparent) {

  public BackfillJob {
    skippedSources = Map.copyOf(skippedSources);
  }

  /** Items dealt with: published, skipped or failed. */
  public long processed() {
    return published + skipped + failed;
  }

  /** Progress in percent: 100 when completed, else processed over the estimate (at most 99). */
  public int percent() {
    if (status == JobStatus.COMPLETED) {
      return 100;
    }
    return runningPercent(processed(), mailEstimate + calendarEstimate);
  }

  /** A job not yet completed: processed over the estimate, at most 99 (0 without an estimate). */
  static int runningPercent(long processed, long estimate) {
    if (estimate <= 0) {
      return 0;
    }
    return (int) Math.min(99, processed * 100 / Math.max(estimate, processed));
  }
}
