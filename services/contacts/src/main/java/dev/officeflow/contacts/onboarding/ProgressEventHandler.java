package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.discovery.UserLocks;
import dev.officeflow.events.EventType;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code contacts-progress}: keeps each user's latest backfill job ({@link LatestJobs}), from which
 * the onboarding status says whether the candidates are provisional. A report that is not newer (a
 * redelivery, or one overtaken by a later report) is {@code stale}. Nothing is written for a
 * forgotten user: the write takes the user's lock shared and checks the record first ({@link
 * UserLocks}), so a report in flight during the purge stores nothing after it.
 */
final class ProgressEventHandler implements EventHandler<ProgressEvent> {

  private final LatestJobs jobs;
  private final TransactionalOperator tx;
  private final UserLocks locks;

  ProgressEventHandler(LatestJobs jobs, TransactionalOperator tx, UserLocks locks) {
    this.jobs = jobs;
    this.tx = tx;
    this.locks = locks;
  }

  @Override
  public EventType type() {
    return EventType.PROGRESS;
  }

  @Override
  public Mono<Outcome> handle(ProgressEvent event, Delivery delivery) {
    Mono<Outcome> write =
        locks
            .lockForWrites(event.userId())
            .flatMap(
                writable ->
                    writable
                        ? jobs.record(event).map(newer -> newer ? Outcome.done() : Outcome.stale())
                        : Mono.just(Outcome.skipped("user forgotten")));
    return tx.transactional(write);
  }
}
