package dev.officeflow.office.backfill;

import dev.officeflow.events.Operation;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One run's progress events on {@code progress} (ARCHITECTURE §3, "Progress"): when the run starts,
 * when its phase or window changes, at most every {@code progress-interval} in between, and when it
 * ends. Counts are the job's as of the run's start plus what the run checkpointed. Sequence numbers
 * grow per job across runs and instances: the run number (claims count them) times a million plus
 * the report's number in the run. A report that cannot be published is logged and not retried: the
 * next one carries the same counts and more. Not thread-safe: a run reports from one step at a
 * time.
 */
final class ProgressReports {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReports.class);
  private static final long PER_RUN = 1_000_000L;

  private final BackfillJob job;
  private final BackfillRunner.Deps deps;
  private final RunTally tally;
  private long sent;
  private @Nullable Instant lastAt;
  private @Nullable Object lastPlace;
  private int lastPercent;

  ProgressReports(BackfillJob job, BackfillRunner.Deps deps, RunTally tally) {
    this.job = job;
    this.deps = deps;
    this.tally = tally;
  }

  /**
   * The run reached {@code phase} ({@code source} reading {@code window}, if any): reported when
   * that place is new or the interval has passed.
   */
  Mono<Void> at(RunContext run, Phase phase, @Nullable String source) {
    Instant now = deps.clock().instant();
    Object place = java.util.Arrays.asList(phase, source, run.window());
    boolean due =
        lastAt == null
            || !place.equals(lastPlace)
            || !now.isBefore(lastAt.plus(deps.settings().progressInterval()));
    if (!due) {
      return Mono.empty();
    }
    lastPlace = place;
    return send(run, ProgressState.RUNNING, phase, source, null);
  }

  /**
   * The job was failed from outside its run (its grant was revoked): reported with a sequence
   * number above anything a run with the job's run count can send, so that run's last reports,
   * which may still arrive, do not hide the failure. The run itself loses its lease and reports
   * nothing more.
   */
  Mono<Void> failedElsewhere() {
    sent = PER_RUN - 1;
    return send(
        null,
        ProgressState.FAILED,
        job.checkpoint().phase(),
        null,
        job.error() == null ? "failed" : job.error());
  }

  /**
   * The run ended with {@code outcome}, written to the job when {@code stored}; {@code gaveUp}: a
   * failure the job does not retry; {@code error}: the job's error as stored.
   */
  Mono<Void> ended(
      @Nullable RunContext run,
      Phase phase,
      RunOutcome outcome,
      boolean gaveUp,
      String error,
      boolean stored) {
    if (!stored) {
      return Mono.empty();
    }
    return switch (outcome.kind()) {
      case COMPLETED -> send(run, ProgressState.COMPLETED, Phase.DONE, null, null);
      case FAILED ->
          send(run, gaveUp ? ProgressState.FAILED : ProgressState.RETRYING, phase, null, error);
      case TIMED_OUT, YIELDED -> send(run, ProgressState.RUNNING, phase, null, null);
      // Another instance runs the job now, or it was cancelled: it reports, or nothing does.
      case LEASE_LOST -> Mono.empty();
    };
  }

  private Mono<Void> send(
      @Nullable RunContext run,
      ProgressState state,
      Phase phase,
      @Nullable String source,
      @Nullable String error) {
    Instant now = deps.clock().instant();
    lastAt = now;
    long published = job.published() + tally.published.get();
    long skipped = job.skipped() + tally.skipped.get();
    long failed = job.failed() + tally.failed.get();
    long processed = published + skipped + failed;
    long mail = run == null ? job.mailEstimate() : run.mailEstimate().get();
    long calendar = run == null ? job.calendarEstimate() : run.calendarEstimate().get();
    if (mail == 0 && phase.compareTo(Phase.MAIL) <= 0) {
      // Mail not listed yet: the cap stands in, so the percent grows rather than falling back.
      mail = job.maxEmails();
    }
    long estimate = mail + calendar;
    int measured =
        state == ProgressState.COMPLETED ? 100 : BackfillJob.runningPercent(processed, estimate);
    // Estimates are refined as sources are listed; a progress bar should not go backwards.
    int percent = Math.max(measured, lastPercent);
    lastPercent = percent;
    ProgressEvent report =
        new ProgressEvent(
            deps.events().progressMetadata(job),
            job.userId(),
            job.runs() <= 1 && sent == 0 ? Operation.CREATE : Operation.UPDATE,
            job.id().toString(),
            now,
            deps.clock().instant(),
            job.provider(),
            job.id().toString(),
            job.runs() * PER_RUN + sent++,
            state,
            phase.wire(),
            source,
            state != ProgressState.COMPLETED,
            processed,
            published,
            skipped,
            failed,
            Math.max(estimate, processed),
            percent,
            error,
            run == null ? job.skippedSources() : run.skippedSources());
    return Mono.fromFuture(() -> deps.publisher().publish(report))
        .then()
        .onErrorResume(
            e -> {
              LOG.atWarn()
                  .setMessage("progress not published; the next report carries it")
                  .addKeyValue("batchId", job.id().toString())
                  .addKeyValue("state", state.wire())
                  .addKeyValue("reason", e.toString())
                  .log();
              return Mono.empty();
            });
  }
}
