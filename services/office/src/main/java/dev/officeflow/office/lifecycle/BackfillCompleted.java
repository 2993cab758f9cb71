package dev.officeflow.office.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published as a Spring application event once a job's completion is stored, so features that start
 * after a backfill (the streaming bridge) need not reach into this package.
 *
 * @param gmailHistoryId the mailbox's history id captured before the job listed any mail (streaming
 *     starts there, so nothing changed during the backfill is missed); null when not captured
 */
public record BackfillCompleted(
    UUID jobId, String userId, String provider, Instant at, @Nullable Long gmailHistoryId) {

  public BackfillCompleted(UUID jobId, String userId, String provider, Instant at) {
    this(jobId, userId, provider, at, null);
  }
}
