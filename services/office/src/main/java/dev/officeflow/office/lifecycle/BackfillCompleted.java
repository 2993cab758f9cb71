package dev.officeflow.office.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published as a Spring application event once a job's completion is stored, so features that start
 * after a backfill need not reach into this package. The streaming reconciler takes it only as a
 * wake-up: it reads completed jobs from their table, so a completion whose event was lost (a crash
 * in between) still starts streaming.
 *
 * @param mailHistoryId the mailbox's history id captured before the job listed any mail (streaming
 *     starts there, so nothing changed during the backfill is missed; the job row keeps it too);
 *     null when not captured
 */
public record BackfillCompleted(
    UUID jobId, String userId, String provider, Instant at, @Nullable Long mailHistoryId) {

  public BackfillCompleted(UUID jobId, String userId, String provider, Instant at) {
    this(jobId, userId, provider, at, null);
  }
}
