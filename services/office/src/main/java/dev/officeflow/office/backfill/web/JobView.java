package dev.officeflow.office.backfill.web;

import dev.officeflow.office.backfill.BackfillJob;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A job as the internal API shows it (snake_case JSON), with progress as counts and percent. */
record JobView(
    String jobId,
    String userId,
    String provider,
    String status,
    Window window,
    Caps caps,
    Progress progress,
    Checkpoint checkpoint,
    Map<String, String> skippedSources,
    int attempts,
    int runs,
    @Nullable String error,
    Instant createdAt,
    @Nullable Instant startedAt,
    Instant updatedAt,
    @Nullable Instant finishedAt,
    Instant nextRunAt,
    @Nullable Lease lease) {

  record Window(Instant emailAfter, Instant calendarFrom, Instant calendarTo) {}

  record Caps(int emails, int events) {}

  record Progress(
      long fetched, long published, long skipped, long failed, long estimatedTotal, int percent) {}

  record Checkpoint(
      String phase, @Nullable String pageToken, @Nullable String lastItem, int phaseItems) {}

  record Lease(String owner, Instant expiresAt) {}

  /**
   * @param phase the job's phase as its provider names it ({@code gmail})
   */
  static JobView of(BackfillJob j, String phase) {
    var c = j.checkpoint();
    Lease lease =
        j.leaseOwner() == null || j.leaseExpiresAt() == null
            ? null
            : new Lease(j.leaseOwner(), j.leaseExpiresAt());
    return new JobView(
        j.id().toString(),
        j.userId(),
        j.provider(),
        j.status().wire(),
        new Window(j.emailAfter(), j.calendarFrom(), j.calendarTo()),
        new Caps(j.maxEmails(), j.maxEvents()),
        new Progress(
            j.fetched(),
            j.published(),
            j.skipped(),
            j.failed(),
            j.mailEstimate() + j.calendarEstimate(),
            j.percent()),
        new Checkpoint(phase, c.pageToken(), c.lastItem(), c.phaseItems()),
        j.skippedSources(),
        j.attempts(),
        j.runs(),
        j.error(),
        j.createdAt(),
        j.startedAt(),
        j.updatedAt(),
        j.finishedAt(),
        j.nextRunAt(),
        lease);
  }
}
