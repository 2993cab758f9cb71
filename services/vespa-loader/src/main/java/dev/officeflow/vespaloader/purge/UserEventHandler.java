package dev.officeflow.vespaloader.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.InfrastructureFailures;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.feed.VespaException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * On {@code UserEvent(operation=delete)} forgets the user, in this order (ARCHITECTURE §5
 * "Forgetting a user"): records the user as forgotten, so no later event writes anything; removes
 * every document of the user; waits {@code secondPassAfter} and removes again what a write already
 * in flight at the first removal left behind. Only then is the message acked. Any step that fails
 * is retried with the whole sequence (each step is idempotent): a purge is never dead-lettered by
 * this handler. Other user events change nothing Vespa holds and are acked as skipped.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private static final Logger log = LoggerFactory.getLogger(UserEventHandler.class);

  private final ForgottenUsers forgotten;
  private final GroupPurger purger;
  private final Duration secondPassAfter;
  private final Duration retryDelay;

  /**
   * @param retryDelay how long a retryable failure holds the message before it is nacked (see
   *     {@code FeedSettings.retryDelay})
   */
  UserEventHandler(
      ForgottenUsers forgotten, GroupPurger purger, Duration secondPassAfter, Duration retryDelay) {
    this.forgotten = forgotten;
    this.purger = purger;
    this.secondPassAfter = secondPassAfter;
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
    String userId = event.userId();
    return forgotten
        .forget(userId)
        .then(purger.purge(userId))
        .flatMap(
            removed ->
                Mono.delay(secondPassAfter)
                    .then(purger.purge(userId))
                    .doOnNext(late -> logPurged(userId, removed, late)))
        .map(removed -> Outcome.done())
        .onErrorResume(this::retry);
  }

  private static void logPurged(String userId, long removed, long late) {
    log.info(
        "purged user {}: {} documents, {} more written while the purge began",
        userId,
        removed,
        late);
  }

  /**
   * A purge is never dead-lettered for a failure that may pass: an unreachable Vespa holds it (an
   * outage spends no delivery), anything else is retried.
   */
  private Mono<Outcome> retry(Throwable error) {
    String reason = "purge_failed: " + error.getMessage();
    boolean outage =
        error instanceof VespaException vespa
            ? vespa.outage()
            : InfrastructureFailures.isOutage(error);
    Outcome outcome = outage ? Outcome.unavailable(reason) : Outcome.retry(reason);
    return Mono.just(outcome).delayElement(retryDelay);
  }
}
