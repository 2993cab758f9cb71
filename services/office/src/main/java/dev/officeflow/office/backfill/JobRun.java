package dev.officeflow.office.backfill;

import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.adapter.ProviderClient;
import dev.officeflow.office.backfill.RunOutcome.Kind;
import dev.officeflow.office.backfill.store.Progress;
import dev.officeflow.office.lifecycle.BackfillCompleted;
import dev.officeflow.runtime.trace.HttpTraceContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run of one job on this instance, holding its lease: the phases from the checkpoint on, each
 * step published then checkpointed (so a crash repeats at most the step in flight), the lease
 * renewed in the background, stopped by the time limit or a lost lease, then the job's next state.
 */
final class JobRun {

  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  /** Stops a run early: the time limit passed, or the lease is gone. */
  static final class Stop extends RuntimeException {
    final Kind kind;

    Stop(Kind kind) {
      super(kind.name(), null, false, false);
      this.kind = kind;
    }
  }

  private final BackfillJob job;
  private final String owner;
  private final BackfillRunner.Deps deps;
  private final Context trace;
  private final Instant started;
  private final AtomicBoolean leaseLost = new AtomicBoolean();
  private final AtomicBoolean progressed = new AtomicBoolean();
  private final RunTally tally = new RunTally();
  private final ProgressReports reports;
  private volatile @Nullable RunContext context;
  private volatile Phase current;

  /**
   * @param trace the run's trace context: what the run publishes is its child ({@link JobTrace})
   */
  JobRun(BackfillJob job, String owner, BackfillRunner.Deps deps, Context trace) {
    this.job = job;
    this.owner = owner;
    this.deps = deps;
    this.trace = trace;
    this.started = deps.clock().instant();
    this.reports = new ProgressReports(job, deps, tally);
    this.current = job.checkpoint().phase();
  }

  Mono<RunOutcome> execute() {
    if (job.attempts() >= deps.settings().maxAttempts()) {
      // Taken over from runs that kept dying (a crash loop): stop instead of dying again.
      String why = job.error() == null ? "its runs stopped without finishing" : job.error();
      return refuse(job.attempts(), "gave up after " + job.attempts() + " attempts: " + why);
    }
    ProviderClient client = deps.clients().get(job.provider());
    if (client == null) {
      return refuse(job.attempts() + 1, "no provider adapter for " + job.provider());
    }
    Disposable heartbeat = heartbeat();
    return client
        .open(job.userId())
        .flatMap(
            session -> {
              RunContext run = new RunContext(job, session, deps.events());
              context = run;
              return reports.at(run, current, null).then(phases(run, job.checkpoint()));
            })
        .then(Mono.fromSupplier(RunOutcome::completed))
        .onErrorResume(e -> Mono.just(RunOutcome.of(e)))
        .flatMap(this::finish)
        .doFinally(signal -> heartbeat.dispose())
        // Calls to other services (the user service's tokens) continue the run's trace.
        .contextWrite(HttpTraceContext.with(trace));
  }

  /** Fails the job without running it: running cannot help. */
  private Mono<RunOutcome> refuse(int attempts, String reason) {
    return deps.repository()
        .fail(job.id(), owner, attempts, reason)
        .thenReturn(RunOutcome.failed(false, reason));
  }

  RunTally tally() {
    return tally;
  }

  Instant started() {
    return started;
  }

  private Disposable heartbeat() {
    return Flux.interval(deps.settings().leaseRenewal())
        .concatMap(
            tick ->
                deps.repository()
                    .renew(job.id(), owner, deps.settings().leaseTtl())
                    .onErrorReturn(true))
        .subscribe(
            held -> {
              if (!held) {
                leaseLost.set(true);
              }
            });
  }

  private Mono<Void> phases(RunContext run, Checkpoint at) {
    if (at.phase() == Phase.DONE) {
      return Mono.empty();
    }
    current = at.phase();
    run.leaveWindow();
    Optional<BackfillSource> served = deps.sources().get(job.provider(), at.phase());
    if (served.isEmpty()) {
      return phases(run, Checkpoint.start(at.phase().next()));
    }
    BackfillSource source = served.get();
    Mono<Void> phase;
    if (!run.session().credential().mayGrant(source.scopes())) {
      phase = skip(run, source, "missing scope: the grant has none of " + source.scopes());
    } else {
      Optional<Window> span = source.span(job);
      phase =
          (span.isPresent() ? windows(run, source, span.get(), at) : steps(run, source, at))
              .onErrorResume(RunOutcome::missingScope, e -> skip(run, source, e.getMessage()));
    }
    return phase.then(Mono.defer(() -> phases(run, Checkpoint.start(at.phase().next()))));
  }

  private Mono<Void> steps(RunContext run, BackfillSource source, Checkpoint at) {
    return Mono.just(Cursor.at(at))
        .expand(c -> c.exhausted() ? Mono.empty() : step(run, source, c))
        .then();
  }

  /**
   * A source read by windows (ARCHITECTURE §7, "Incremental windows"): the window in the
   * checkpoint, else the newest part of the span the coverage lacks, recent slice first; window
   * after window until the span is covered or the cap ends the phase.
   */
  private Mono<Void> windows(RunContext run, BackfillSource source, Window span, Checkpoint at) {
    return deps.coverage()
        .load(job.userId(), job.provider(), source.name())
        .flatMap(
            coverage -> {
              Window window = at.window();
              if (window == null) {
                Instant recent = span.to().minus(deps.settings().recentSlice());
                Optional<Window> next = coverage.nextWindow(span.from(), span.to(), recent);
                if (next.isEmpty()) {
                  return Mono.empty();
                }
                window = next.get();
              }
              run.enter(window, coverage.readBelow(window.to()));
              return steps(run, source, at.in(window))
                  .then(
                      Mono.defer(
                          () ->
                              run.windowRead()
                                  ? windows(run, source, span, run.nextWindowStart(at.phase()))
                                  : Mono.empty()));
            });
  }

  private Mono<Cursor> step(RunContext run, BackfillSource source, Cursor cursor) {
    long[] at = new long[3];
    return Mono.fromRunnable(this::checkLimits)
        .then(Mono.fromRunnable(() -> at[0] = System.nanoTime()))
        .then(source.next(run, cursor))
        .doOnNext(step -> at[1] = System.nanoTime())
        .flatMap(
            step ->
                publish(step.events())
                    .doOnSuccess(done -> at[2] = System.nanoTime())
                    .then(save(run, source, step))
                    .then(Mono.defer(() -> reports.at(run, source.phase(), source.name())))
                    .doOnSuccess(done -> logStep(source, step, at))
                    .thenReturn(step.next()));
  }

  /** Where a step's time went, for tuning: reading (quota waits included), publishing, saving. */
  private void logStep(BackfillSource source, Step step, long[] at) {
    if (LOG.isDebugEnabled()) {
      long now = System.nanoTime();
      LOG.atDebug()
          .setMessage("backfill step")
          .addKeyValue("batchId", job.id().toString())
          .addKeyValue("source", source.name())
          .addKeyValue("items", step.fetched())
          .addKeyValue("readMs", (at[1] - at[0]) / 1_000_000)
          .addKeyValue("publishMs", (at[2] - at[1]) / 1_000_000)
          .addKeyValue("saveMs", (now - at[2]) / 1_000_000)
          .log();
    }
  }

  private void checkLimits() {
    if (leaseLost.get()) {
      throw new Stop(Kind.LEASE_LOST);
    }
    Instant now = deps.clock().instant();
    if (now.isAfter(started.plus(deps.settings().runTimeLimit()))) {
      throw new Stop(Kind.TIMED_OUT);
    }
    if (now.isAfter(started.plus(deps.settings().turn())) && deps.othersWaiting().getAsBoolean()) {
      throw new Stop(Kind.YIELDED);
    }
  }

  private Mono<Void> publish(List<OfficeEvent> events) {
    return Flux.fromIterable(events)
        .flatMap(e -> Mono.fromFuture(() -> publish(e)), deps.settings().publishConcurrency())
        .then();
  }

  /** Publishes with the run's trace current: Reactor's threads do not carry it by themselves. */
  private CompletableFuture<String> publish(OfficeEvent event) {
    try (Scope ignored = trace.makeCurrent()) {
      return deps.publisher().publish(event);
    }
  }

  private Mono<Void> save(RunContext run, BackfillSource source, Step step) {
    Progress progress =
        new Progress(
            run.checkpointAfter(source.phase(), step),
            step.fetched(),
            step.events().size(),
            step.skipped(),
            step.failed(),
            run.mailEstimate().get(),
            run.calendarEstimate().get(),
            run.skippedSources(),
            true,
            run.mailHistoryId().get(),
            run.claim(source.name(), step));
    return checkpoint(progress)
        .doOnSuccess(
            ok -> {
              progressed.set(true);
              tally.add(step, run.addressesDropped().getAndSet(0));
            });
  }

  private Mono<Void> skip(RunContext run, BackfillSource source, String reason) {
    run.skip(source.name(), reason);
    tally.skipped(source.name());
    Progress progress =
        new Progress(
            Checkpoint.start(source.phase().next()),
            0,
            0,
            0,
            0,
            run.mailEstimate().get(),
            run.calendarEstimate().get(),
            run.skippedSources(),
            false);
    return checkpoint(progress)
        .then(Mono.defer(() -> reports.at(run, source.phase(), source.name())));
  }

  private Mono<Void> checkpoint(Progress progress) {
    return deps.repository()
        .checkpoint(job.id(), owner, deps.settings().leaseTtl(), progress)
        .flatMap(held -> held ? Mono.<Void>empty() : Mono.error(new Stop(Kind.LEASE_LOST)));
  }

  /**
   * Writes the job's next state; a failed write leaves the lease to expire and the job to resume.
   */
  private Mono<RunOutcome> finish(RunOutcome outcome) {
    int attempts = (progressed.get() ? 0 : job.attempts()) + 1;
    boolean last = !outcome.retryable() || attempts >= deps.settings().maxAttempts();
    String error =
        outcome.retryable() && last ? gaveUp(attempts, outcome.reason()) : outcome.reason();
    Mono<Boolean> write =
        switch (outcome.kind()) {
          case COMPLETED -> deps.repository().complete(job.id(), owner);
          case TIMED_OUT, YIELDED ->
              deps.repository().requeue(job.id(), owner, Duration.ZERO, attempts - 1, null);
          case LEASE_LOST -> Mono.just(true);
          case FAILED -> failed(outcome, attempts);
        };
    return write
        .onErrorReturn(false)
        .flatMap(ok -> announce(outcome, ok).thenReturn(ok))
        .flatMap(ok -> reports.ended(context, current, outcome, last, error, ok).thenReturn(ok))
        .map(ok -> ok ? outcome : outcome.unsaved());
  }

  /** Carries the history id captured at the mail phase's start, from whichever run did it. */
  private Mono<Void> announce(RunOutcome outcome, boolean stored) {
    if (!stored || outcome.kind() != RunOutcome.Kind.COMPLETED) {
      return Mono.empty();
    }
    return deps.repository()
        .mailHistoryId(job.id())
        .map(Optional::of)
        .onErrorReturn(Optional.empty())
        .defaultIfEmpty(Optional.empty())
        .doOnNext(
            historyId ->
                deps.completions()
                    .accept(
                        new BackfillCompleted(
                            job.id(),
                            job.userId(),
                            job.provider(),
                            deps.clock().instant(),
                            historyId.orElse(null))))
        .then();
  }

  private static String gaveUp(int attempts, String reason) {
    return "gave up after " + attempts + " attempts: " + reason;
  }

  private Mono<Boolean> failed(RunOutcome outcome, int attempts) {
    String reason = outcome.reason();
    if (!outcome.retryable()) {
      return deps.repository().fail(job.id(), owner, attempts, reason);
    }
    if (attempts >= deps.settings().maxAttempts()) {
      return deps.repository().fail(job.id(), owner, attempts, gaveUp(attempts, reason));
    }
    return deps.repository().requeue(job.id(), owner, deps.backoff(attempts), attempts, reason);
  }
}
