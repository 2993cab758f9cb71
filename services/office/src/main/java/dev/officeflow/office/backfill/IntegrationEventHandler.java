package dev.officeflow.office.backfill;

import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import reactor.core.publisher.Mono;

/**
 * Flow 2 of ARCHITECTURE §2: a new, active Google integration starts a backfill with the default
 * window, in the trace of the delivery; a revoked or expired one fails the active backfill with
 * that reason (as the run itself does when the user service refuses its token, whichever comes
 * first), a deleted one cancels it; both announce {@link IntegrationClosed}. Redeliveries find the
 * job already there (a duplicate) or already finished.
 */
final class IntegrationEventHandler implements EventHandler<IntegrationEvent> {

  private final BackfillService service;
  private final ApplicationEventPublisher lifecycle;

  IntegrationEventHandler(BackfillService service, ApplicationEventPublisher lifecycle) {
    this.service = service;
    this.lifecycle = lifecycle;
  }

  @Override
  public EventType type() {
    return EventType.INTEGRATION;
  }

  @Override
  public Mono<Outcome> handle(IntegrationEvent event, Delivery delivery) {
    if (!service.serves(event.provider())) {
      return Mono.just(Outcome.skipped("provider " + event.provider()));
    }
    if (event.operation() == Operation.DELETE) {
      return close(event, job -> service.cancel(job.id()));
    }
    if (event.status() == IntegrationStatus.REVOKED
        || event.status() == IntegrationStatus.EXPIRED) {
      String reason = reason(event);
      return close(event, job -> service.fail(job.id(), reason));
    }
    if (event.operation() != Operation.CREATE || event.status() != IntegrationStatus.ACTIVE) {
      // Only a new connection backfills; updates of a live one (a refreshed token) do not.
      return Mono.just(
          Outcome.skipped("integration " + event.operation().wire() + " " + event.status().wire()));
    }
    String traceparent = JobTrace.traceparent(Context.root().with(Span.wrap(delivery.span())));
    return service
        .start(BackfillRequest.defaults(event.userId(), event.provider()), traceparent)
        .map(job -> Outcome.done())
        .onErrorResume(JobConflictException.class, e -> Mono.just(Outcome.duplicate()));
  }

  /** Why the job fails: names the status, and the user service's reason when it gave one. */
  private static String reason(IntegrationEvent event) {
    String why = event.errorMessage() == null ? "" : ": " + event.errorMessage();
    return "integration " + event.status().wire() + why;
  }

  private Mono<Outcome> close(
      IntegrationEvent event, Function<BackfillJob, Mono<BackfillJob>> stop) {
    return service
        .list(event.userId())
        .filter(job -> job.provider().equals(event.provider()) && job.status().active())
        .concatMap(
            job -> stop.apply(job).onErrorResume(JobConflictException.class, e -> Mono.empty()))
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
