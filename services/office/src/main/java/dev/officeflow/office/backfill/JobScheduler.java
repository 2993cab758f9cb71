package dev.officeflow.office.backfill;

import dev.officeflow.office.backfill.store.JobRepository;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Finds due jobs and runs them on this instance: every poll interval, and at once when a job is
 * started here or a run ends. Claiming is the repository's atomic lease, so any number of instances
 * can poll one database. On shutdown running jobs are handed back to the queue, not left to expire.
 */
public final class JobScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

  private final JobRepository repository;
  private final BackfillRunner runner;
  private final BackfillSettings settings;
  private final String owner;
  private final Backlog backlog;
  private final Map<UUID, Disposable> running = new ConcurrentHashMap<>();
  private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
  private volatile Disposable polling;

  JobScheduler(
      JobRepository repository,
      BackfillRunner runner,
      BackfillSettings settings,
      String owner,
      Backlog backlog) {
    this.repository = repository;
    this.backlog = backlog;
    this.runner = runner;
    this.settings = settings;
    this.owner = owner;
  }

  /** This instance's name in leases. */
  public String owner() {
    return owner;
  }

  /** Looks for due jobs now rather than at the next tick. */
  public void wakeUp() {
    wakeUps.tryEmitNext(true);
  }

  @Override
  public void start() {
    polling =
        Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()), wakeUps.asFlux())
            .onBackpressureDrop()
            .concatMap(tick -> claimAll().onErrorResume(this::pollFailed), 1)
            .subscribe();
  }

  /**
   * Claims due jobs while there are free slots; with none free, notes whether due jobs wait, so
   * that runs which have had their turn make way for them.
   */
  private Mono<Void> claimAll() {
    if (running.size() >= settings.maxConcurrentJobs()) {
      return repository.anyClaimable().doOnNext(backlog::set).then();
    }
    return repository
        .claim(owner, settings.leaseTtl())
        .map(
            job -> {
              launch(job);
              return true;
            })
        .defaultIfEmpty(false)
        .flatMap(
            claimed -> {
              if (claimed) {
                return claimAll();
              }
              backlog.set(false);
              return Mono.<Void>empty();
            });
  }

  private void launch(BackfillJob job) {
    Disposable run =
        runner
            .run(job, owner)
            .doFinally(
                signal -> {
                  running.remove(job.id());
                  wakeUp();
                })
            .subscribe(
                outcome -> {}, error -> LOG.error("backfill run of {} broke", job.id(), error));
    if (!run.isDisposed()) {
      running.put(job.id(), run);
    }
  }

  private Mono<Void> pollFailed(Throwable error) {
    LOG.warn("looking for backfill jobs failed: {}", error.toString());
    return Mono.empty();
  }

  @Override
  public void stop() {
    Disposable current = polling;
    if (current != null) {
      current.dispose();
    }
    running.forEach(
        (id, run) -> {
          run.dispose();
          repository.release(id, owner).onErrorReturn(false).block(Duration.ofSeconds(5));
        });
    running.clear();
    polling = null;
  }

  /** Off on instances configured not to run jobs (they still serve the API). */
  @Override
  public boolean isAutoStartup() {
    return settings.schedulerEnabled();
  }

  @Override
  public boolean isRunning() {
    return polling != null;
  }

  /** Jobs running on this instance now. */
  public int runningJobs() {
    return running.size();
  }
}
