package dev.officeflow.contacts.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@code contacts-users}: a deleted user's data is purged; other user events do not matter here.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private static final Logger log = LoggerFactory.getLogger(UserEventHandler.class);

  private final UserDataPurge purge;

  UserEventHandler(UserDataPurge purge) {
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
        .doOnNext(rows -> log.info("purged user {}: {} rows", event.userId(), rows))
        .thenReturn(Outcome.done());
  }
}
