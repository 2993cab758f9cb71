package dev.officeflow.office.streaming;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One user's stream of one source as {@code streaming_targets} holds it, claimed by a reconciler.
 *
 * @param jobId the newest completed backfill of the user and provider: streaming follows it
 * @param jobCreatedAt when that job was created (database clock): the Calendar catch-up listing
 *     reads from there
 * @param mailHistoryId the mailbox's history id that job captured before listing, null if none
 * @param startedJobId the job streaming was last started from; null before the first start
 * @param attempts failed (re)starts in a row
 */
public record StreamTarget(
    String userId,
    String provider,
    String source,
    UUID jobId,
    Instant jobCreatedAt,
    @Nullable Long mailHistoryId,
    @Nullable UUID startedJobId,
    int attempts) {

  /** Streaming has not been started from {@link #jobId} yet: start it rather than repair it. */
  public boolean fresh() {
    return !Objects.equals(jobId, startedJobId);
  }
}
