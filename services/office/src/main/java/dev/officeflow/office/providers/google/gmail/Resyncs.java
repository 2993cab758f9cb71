package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.backfill.JobConflictException;
import dev.officeflow.office.backfill.JobStatus;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.streaming.StreamingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Full resyncs: when Gmail no longer knows the stored history id (404), one backfill job reads the
 * mailbox again and streaming resumes from the history id that job captured before it listed
 * anything (the reconciler adopts the completed job with it). Meanwhile the user is {@code
 * resyncing} and notifications are acknowledged without a read. A job already active for the user
 * is reused, so instances that hit the 404 together start one job.
 */
final class Resyncs {

  private static final Logger LOG = LoggerFactory.getLogger(Resyncs.class);

  private final BackfillService backfill;
  private final WatchStore store;
  private final StreamingMetrics metrics;

  Resyncs(BackfillService backfill, WatchStore store, StreamingMetrics metrics) {
    this.backfill = backfill;
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * Starts the resync's job. The first time (history just lost), what earlier jobs covered of the
   * mailbox is forgotten: without its history the office cannot know what changed there, so the job
   * reads the whole window again; a failed resync's successor keeps what that one covered.
   */
  Mono<SyncResult> start(WatchRow row) {
    Mono<Void> forget =
        row.resyncing()
            ? Mono.empty()
            : backfill.forgetCoverage(row.userId(), GoogleScopes.PROVIDER, GmailSource.NAME);
    return forget
        .then(
            Mono.defer(
                () ->
                    backfill.start(BackfillRequest.defaults(row.userId(), BackfillRequest.GOOGLE))))
        .doOnNext(job -> metrics.resyncs.increment())
        .onErrorResume(JobConflictException.class, e -> Mono.just(e.job()))
        .flatMap(job -> store.resyncing(row.userId(), job.id()).thenReturn(job))
        .doOnNext(
            job ->
                LOG.atInfo()
                    .setMessage("gmail history expired: full resync")
                    .addKeyValue("userId", row.userId())
                    .addKeyValue("historyId", row.historyId())
                    .addKeyValue("jobId", job.id().toString())
                    .log())
        .thenReturn(SyncResult.resyncing());
  }

  /**
   * A resync in progress, looked at again (by the poll): still running, finished without its
   * completion having reached streaming (then resume here), or failed (then start another).
   */
  Mono<SyncResult> check(WatchRow row) {
    if (row.resyncJobId() == null) {
      return start(row);
    }
    return backfill
        .find(row.resyncJobId())
        .flatMap(job -> checked(row, job))
        .switchIfEmpty(Mono.defer(() -> start(row)));
  }

  private Mono<SyncResult> checked(WatchRow row, BackfillJob job) {
    if (job.status().active()) {
      return Mono.just(SyncResult.resyncing());
    }
    if (job.status() != JobStatus.COMPLETED) {
      return start(row);
    }
    return backfill
        .mailHistoryId(job.id())
        .flatMap(historyId -> store.resume(row.userId(), job.id(), historyId))
        .thenReturn(SyncResult.resyncing());
  }
}
