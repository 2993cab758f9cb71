package dev.officeflow.office.backfill;

import dev.officeflow.office.backfill.store.CoverageStore;
import dev.officeflow.office.backfill.store.JobRepository;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Starting, reading, cancelling and restarting backfill jobs; the scheduler runs them. */
public final class BackfillService {

  private static final int LIST_LIMIT = 50;

  private final JobRepository repository;
  private final CoverageStore coverage;
  private final JobScheduler scheduler;
  private final BackfillRunner runner;
  private final BackfillSettings settings;
  private final Clock clock;

  private final Set<String> providers;

  BackfillService(
      JobRepository repository,
      CoverageStore coverage,
      JobScheduler scheduler,
      BackfillRunner runner,
      BackfillSettings settings,
      Set<String> providers,
      Clock clock) {
    this.runner = runner;
    this.providers = Set.copyOf(providers);
    this.repository = repository;
    this.coverage = coverage;
    this.scheduler = scheduler;
    this.settings = settings;
    this.clock = clock;
  }

  /** True when this office has an adapter for {@code provider}. */
  public boolean serves(String provider) {
    return providers.contains(provider);
  }

  /**
   * Queues a job; fails with {@link IllegalArgumentException} for a bad request and {@link
   * JobConflictException} when the user already has an active job for the provider.
   */
  public Mono<BackfillJob> start(BackfillRequest request) {
    return start(request, JobTrace.traceparent(Context.current()));
  }

  /**
   * As {@link #start(BackfillRequest)}, the job's runs continuing the trace {@code traceparent}.
   */
  public Mono<BackfillJob> start(BackfillRequest request, @Nullable String traceparent) {
    return Mono.fromCallable(() -> request.check(settings, providers))
        .map(this::newJob)
        .flatMap(job -> insert(job, traceparent, true))
        .doOnNext(job -> scheduler.wakeUp());
  }

  private NewJob newJob(BackfillRequest.Checked r) {
    Instant now = clock.instant();
    return new NewJob(
        r.userId(),
        r.provider(),
        now.minus(r.emailWindow()),
        now.minus(r.calendarBack()),
        now.plus(r.calendarAhead()),
        r.maxEmails(),
        r.maxEvents());
  }

  private Mono<BackfillJob> insert(NewJob job, @Nullable String traceparent, boolean again) {
    Mono<BackfillJob> conflict =
        repository
            .findActive(job.userId(), job.provider())
            .flatMap(
                active ->
                    Mono.error(
                        new JobConflictException(
                            "user " + job.userId() + " already has an active backfill", active)));
    // When the active job finished between the insert and the lookup, the insert may succeed now.
    Mono<BackfillJob> retry =
        again ? Mono.defer(() -> insert(job, traceparent, false)) : Mono.empty();
    return repository
        .insert(UUID.randomUUID(), job, traceparent)
        .switchIfEmpty(Mono.defer(() -> conflict.switchIfEmpty(retry)));
  }

  /**
   * The Gmail history id a job captured before its first listing, where streaming starts reading;
   * empty when the job never read Gmail.
   */
  public Mono<Long> mailHistoryId(UUID jobId) {
    return repository.mailHistoryId(jobId);
  }

  /**
   * Deletes every job of a deleted user (a running one stops at its next lease renewal) and what
   * was covered; emits how many jobs there were.
   */
  public Mono<Long> forget(String userId) {
    return repository
        .deleteByUser(userId)
        .flatMap(jobs -> coverage.forget(userId, null, null).thenReturn(jobs));
  }

  /**
   * Forgets what of {@code source} was read for the user: the change feed that kept it current was
   * lost (Gmail's history expired), so the next job reads the whole window again.
   */
  public Mono<Void> forgetCoverage(String userId, String provider, String source) {
    return coverage.forget(userId, provider, source).then();
  }

  public Mono<BackfillJob> find(UUID id) {
    return repository.find(id);
  }

  /** The user's most recent jobs, newest first. */
  public Flux<BackfillJob> list(String userId) {
    return repository.findByUser(userId, LIST_LIMIT);
  }

  /**
   * Fails an active job with {@code reason} (its grant is gone) and reports it on the progress
   * topic, as a run does when it gives up; empty when there is no such job, {@link
   * JobConflictException} when it has already finished.
   */
  public Mono<BackfillJob> fail(UUID id, String reason) {
    return repository
        .failActive(id, reason)
        .flatMap(job -> runner.reportFailed(job).thenReturn(job))
        .switchIfEmpty(Mono.defer(() -> finished(id)));
  }

  /**
   * Cancels an active job; empty when there is no such job, {@link JobConflictException} when it
   * has already finished.
   */
  public Mono<BackfillJob> cancel(UUID id) {
    return repository.cancel(id).switchIfEmpty(Mono.defer(() -> finished(id)));
  }

  /**
   * Queues a job that failed (all its attempts, or for good) again; its next run resumes from its
   * checkpoint. Empty when there is no such job; {@link JobConflictException} when it has not
   * failed (naming it) or the user has another active job for the provider (naming that one).
   */
  public Mono<BackfillJob> restart(UUID id) {
    return repository
        .restart(id)
        .switchIfEmpty(Mono.defer(() -> notRestarted(id)))
        .doOnNext(job -> scheduler.wakeUp());
  }

  /** Why the job was not queued again; when the obstacle has gone meanwhile, queued now. */
  private Mono<BackfillJob> notRestarted(UUID id) {
    return repository
        .find(id)
        .flatMap(
            job ->
                job.status() == JobStatus.FAILED
                    ? activeInTheWay(job).switchIfEmpty(Mono.defer(() -> repository.restart(id)))
                    : Mono.error(
                        new JobConflictException(
                            "job " + id + " is " + job.status().wire() + ", not failed", job)));
  }

  private Mono<BackfillJob> activeInTheWay(BackfillJob failed) {
    return repository
        .findActive(failed.userId(), failed.provider())
        .flatMap(
            active ->
                Mono.error(
                    new JobConflictException(
                        "user " + failed.userId() + " already has an active backfill", active)));
  }

  private Mono<BackfillJob> finished(UUID id) {
    return repository
        .find(id)
        .flatMap(
            job ->
                Mono.error(
                    new JobConflictException(
                        "job " + id + " has already " + job.status().wire(), job)));
  }
}
