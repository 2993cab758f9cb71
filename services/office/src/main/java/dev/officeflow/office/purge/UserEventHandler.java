package dev.officeflow.office.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import reactor.core.publisher.Mono;

/**
 * Flow 6 of ARCHITECTURE §2 on {@code office-users}: a deleted user is purged ({@link UserPurge}).
 * A purge that did not finish is retried (nack), never acked and forgotten: its steps are
 * idempotent, so the redelivery runs them again and finds only what is left.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private final UserPurge purge;

  UserEventHandler(UserPurge purge) {
    this.purge = purge;
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
    return purge
        .purge(event.userId())
        .thenReturn(Outcome.done())
        .onErrorResume(
            e ->
                Mono.just(
                    Outcome.retry(
                        "purge of user " + event.userId() + " not finished: " + e.getMessage())));
  }
}
