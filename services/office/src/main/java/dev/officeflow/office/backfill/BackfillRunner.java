package dev.officeflow.office.backfill;

import dev.officeflow.office.adapter.ProviderClient;
import dev.officeflow.office.backfill.store.CoverageStore;
import dev.officeflow.office.backfill.store.JobRepository;
import dev.officeflow.office.lifecycle.BackfillCompleted;
import dev.officeflow.runtime.publish.EventPublisher;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Runs claimed jobs and writes one JSON log line per run (ARCHITECTURE §9). */
final class BackfillRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BackfillRunner.class);

  /** What a run needs. */
  record Deps(
      JobRepository repository,
      CoverageStore coverage,
      Map<String, ProviderClient> clients,
      BackfillSources sources,
      EventPublisher publisher,
      BackfillEvents events,
      BackfillSettings settings,
      Clock clock,
      Consumer<BackfillCompleted> completions,
      Tracer tracer,
      BooleanSupplier othersWaiting) {

    /** The delay before a failed job's next run: doubled per attempt, ±25 % jitter, capped. */
    Duration backoff(int attempts) {
      long base = settings.retryBackoff().toMillis() << Math.min(attempts - 1, 20);
      long capped = Math.min(base, settings.maxRetryBackoff().toMillis());
      return Duration.ofMillis(
          (long) (capped * (0.75 + 0.5 * ThreadLocalRandom.current().nextDouble())));
    }
  }

  private final Deps deps;

  BackfillRunner(Deps deps) {
    this.deps = deps;
  }

  /** Reports {@code job}, failed by {@link BackfillService#fail}, on the progress topic. */
  Mono<Void> reportFailed(BackfillJob job) {
    return new ProgressReports(job, deps, new RunTally()).failedElsewhere();
  }

  /**
   * One run of {@code job}, in a span that continues the job's trace ({@link JobTrace}); the run's
   * log line is written in it, so it carries the trace id.
   */
  Mono<RunOutcome> run(BackfillJob job, String owner) {
    return Mono.defer(
        () -> {
          Span span = JobTrace.startRun(deps.tracer(), job);
          Context trace = Context.root().with(span);
          JobRun run = new JobRun(job, owner, deps, trace);
          return run.execute()
              .doOnNext(
                  outcome -> log(trace, job, run, outcome.kind().name().toLowerCase(), outcome))
              .doOnNext(outcome -> record(span, outcome))
              .doOnCancel(() -> log(trace, job, run, "interrupted", null))
              .doFinally(signal -> span.end());
        });
  }

  private static void record(Span span, RunOutcome outcome) {
    span.setAttribute("officeflow.outcome", outcome.kind().name().toLowerCase());
    if (outcome.kind() == RunOutcome.Kind.FAILED) {
      span.setStatus(StatusCode.ERROR, outcome.reason());
    }
  }

  private void log(
      Context trace, BackfillJob job, JobRun run, String outcome, @Nullable RunOutcome result) {
    try (Scope ignored = trace.makeCurrent()) {
      log(job, run, outcome, result);
    }
  }

  private void log(BackfillJob job, JobRun run, String outcome, @Nullable RunOutcome result) {
    RunTally t = run.tally();
    long durationMs = Duration.between(run.started(), deps.clock().instant()).toMillis();
    LOG.atInfo()
        .setMessage("backfill run finished")
        .addKeyValue("userId", job.userId())
        .addKeyValue("batchId", job.id().toString())
        .addKeyValue("provider", job.provider())
        .addKeyValue("itemsFetched", t.fetched.get())
        .addKeyValue("itemsInserted", t.published.get())
        .addKeyValue("itemsSkipped", t.skipped.get())
        .addKeyValue("itemsFailed", t.failed.get())
        .addKeyValue("addressesDropped", t.addressesDropped.get())
        .addKeyValue("sourcesSkipped", String.join(",", t.skippedSources.keySet()))
        .addKeyValue("durationMs", durationMs)
        .addKeyValue("timedOut", result != null && result.kind() == RunOutcome.Kind.TIMED_OUT)
        .addKeyValue("outcome", outcome)
        .addKeyValue("error", result == null || result.reason().isEmpty() ? null : result.reason())
        .log();
  }
}
