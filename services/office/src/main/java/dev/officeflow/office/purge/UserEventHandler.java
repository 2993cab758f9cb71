package dev.officeflow.office.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import org.springframework.context.ApplicationEventPublisher;
import reactor.core.publisher.Mono;

/**
 * Flow 6 of ARCHITECTURE §2: a deleted user's backfill jobs are deleted (a running one stops at its
 * next lease renewal) and {@link UserForgotten} tells the other features. Redelivery deletes
 * nothing more and announces again, which the listeners tolerate.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private final BackfillService backfill;
  private final ApplicationEventPublisher lifecycle;

  UserEventHandler(BackfillService backfill, ApplicationEventPublisher lifecycle) {
    this.backfill = backfill;
    this.lifecycle = lifecycle;
  }

  @Override
  public EventType type() {
    return EventType.USER;
  }

  @Override
  public Mono<Outcome> handle(UserEvent event, Delivery delivery) {
    if (event.operation() != Operation.DELETE) {
      return Mono.just(Outcome.skipped("user " + event.operation().wire()));
    }
    return backfill
        .forget(event.userId())
        .doOnNext(deleted -> lifecycle.publishEvent(new UserForgotten(event.userId())))
        .thenReturn(Outcome.done());
  }
}
