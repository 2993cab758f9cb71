package dev.officeflow.vespaloader.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.feed.VespaException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * On {@code UserEvent(operation=delete)} removes every document of the user (ARCHITECTURE §2, flow
 * 6). Other user events change nothing Vespa holds and are acked as skipped.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private static final Logger log = LoggerFactory.getLogger(UserEventHandler.class);

  private final GroupPurger purger;
  private final Duration retryDelay;

  /**
   * @param retryDelay how long a retryable failure holds the message before it is nacked (see
   *     {@code FeedSettings.retryDelay})
   */
  UserEventHandler(GroupPurger purger, Duration retryDelay) {
    this.purger = purger;
    this.retryDelay = retryDelay;
  }

  @Override
  public EventType type() {
    return EventType.USER;
  }

  @Override
  public Mono<Outcome> handle(UserEvent event, Delivery delivery) {
    if (event.operation() != Operation.DELETE) {
      return Mono.just(
          Outcome.skipped("user " + event.operation().wire() + " changes no document"));
    }
    return purger
        .purge(event.userId())
        .doOnNext(removed -> log.info("purged user {}: {} documents", event.userId(), removed))
        .map(removed -> Outcome.done())
        .onErrorResume(VespaException.class, this::outcome);
  }

  private Mono<Outcome> outcome(VespaException error) {
    if (error.permanent()) {
      return Mono.just(Outcome.deadLetter("vespa_rejected: " + error.getMessage()));
    }
    return Mono.just(Outcome.retry("vespa_unavailable: " + error.getMessage()))
        .delayElement(retryDelay);
  }
}
