package dev.officeflow.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far one backfill job has come (ARCHITECTURE §3 "Progress"), published by the office on {@code
 * progress} at phase changes and at a bounded rate per job. {@code operation} is {@code create} for
 * a job's first report and {@code update} after; {@code batch_id} is the job id. {@code sequence}
 * grows per job: a consumer drops an event whose ({@code job_id}, {@code sequence}) is not newer
 * than what it holds, and a different job replaces the one it holds when it is newer. {@code
 * provisional} stays true until the job completed (what was read covers part of the window only);
 * {@code error} says why for {@code retrying} and {@code failed}; {@code last_updated} is when the
 * progress was measured; {@code skipped_sources} maps a source the job passed over to the reason
 * ({@code contacts.other} → missing scope).
 */
public record ProgressEvent(
    EventMetadata metadata,
    String userId,
    Operation operation,
    @Nullable String batchId,
    Instant lastUpdated,
    Instant syncTimestamp,
    String provider,
    String jobId,
    long sequence,
    ProgressState state,
    String phase,
    @Nullable String source,
    boolean provisional,
    long processed,
    long published,
    long skipped,
    long failed,
    long estimate,
    int percent,
    @Nullable String error,
    Map<String, String> skippedSources)
    implements OfficeEvent {

  public ProgressEvent {
    DataEvents.check(metadata, userId, operation, lastUpdated, syncTimestamp, provider);
    provider = Check.required(Providers.canonical(provider), "provider");
    Check.required(jobId, "job_id");
    Check.nonNegative(sequence, "sequence");
    Check.required(state, "state");
    Check.required(phase, "phase");
    if (source != null && source.isBlank()) {
      throw new EventValidationException("source", "blank");
    }
    Check.nonNegative(processed, "processed");
    Check.nonNegative(published, "published");
    Check.nonNegative(skipped, "skipped");
    Check.nonNegative(failed, "failed");
    Check.nonNegative(estimate, "estimate");
    if (percent < 0 || percent > 100) {
      throw new EventValidationException("percent", "not within 0..100");
    }
    if ((state == ProgressState.RETRYING || state == ProgressState.FAILED)
        && (error == null || error.isBlank())) {
      throw new EventValidationException("error", "missing for state " + state.wire());
    }
    skippedSources = Check.map(skippedSources);
  }

  @Override
  public ProgressEvent withMetadata(EventMetadata metadata) {
    return new ProgressEvent(
        metadata,
        userId,
        operation,
        batchId,
        lastUpdated,
        syncTimestamp,
        provider,
        jobId,
        sequence,
        state,
        phase,
        source,
        provisional,
        processed,
        published,
        skipped,
        failed,
        estimate,
        percent,
        error,
        skippedSources);
  }
}
