package dev.officeflow.office.backfill;

import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import reactor.core.publisher.Mono;

/**
 * Flow 2 of ARCHITECTURE §2: a new, active Google integration starts a backfill with the default
 * window; a revoked or deleted one cancels the active backfill and announces {@link
 * IntegrationClosed}. Redeliveries find the job already there (a duplicate).
 */
final class IntegrationTrigger implements EventHandler<IntegrationEvent> {

  private final BackfillService service;
  private final ApplicationEventPublisher lifecycle;

  IntegrationTrigger(BackfillService service, ApplicationEventPublisher lifecycle) {
    this.service = service;
    this.lifecycle = lifecycle;
  }

  @Override
  public EventType type() {
    return EventType.INTEGRATION;
  }

  @Override
  public Mono<Outcome> handle(IntegrationEvent event, Delivery delivery) {
    if (!BackfillRequest.GOOGLE.equals(event.provider())) {
      return Mono.just(Outcome.skipped("provider " + event.provider()));
    }
    boolean gone =
        event.operation() == Operation.DELETE
            || event.status() == IntegrationStatus.REVOKED
            || event.status() == IntegrationStatus.EXPIRED;
    if (gone) {
      return cancel(event);
    }
    if (event.operation() != Operation.CREATE || event.status() != IntegrationStatus.ACTIVE) {
      // Only a new connection backfills; updates of a live one (a refreshed token) do not.
      return Mono.just(
          Outcome.skipped("integration " + event.operation().wire() + " " + event.status().wire()));
    }
    return service
        .start(BackfillRequest.defaults(event.userId(), event.provider()))
        .map(job -> Outcome.done())
        .onErrorResume(JobConflictException.class, e -> Mono.just(Outcome.duplicate()));
  }

  private Mono<Outcome> cancel(IntegrationEvent event) {
    return service
        .list(event.userId())
        .filter(job -> job.provider().equals(event.provider()) && job.status().active())
        .concatMap(
            job ->
                service
                    .cancel(job.id())
                    .onErrorResume(JobConflictException.class, e -> Mono.empty()))
        .then(
            Mono.fromRunnable(
                () ->
                    lifecycle.publishEvent(
                        new IntegrationClosed(
                            event.userId(),
                            event.provider(),
                            event.operation().wire() + " " + event.status().wire()))))
        .then(Mono.just(Outcome.done()));
  }
}
