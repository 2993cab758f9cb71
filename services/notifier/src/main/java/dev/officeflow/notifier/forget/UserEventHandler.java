package dev.officeflow.notifier.forget;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.notifier.ticket.StreamTickets;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.InfrastructureFailures;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.forget.ForgottenUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * On {@code UserEvent(operation=delete)} ({@code notifier-users}) forgets the user: records them as
 * forgotten, which drops their buffer and closes their open streams on every instance, then revokes
 * their tickets. Each step is idempotent, so a failure is retried whole; a Redis outage holds the
 * message. Other user events change nothing the notifier holds and are acked as skipped.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private static final Logger log = LoggerFactory.getLogger(UserEventHandler.class);

  private final ForgottenUsers forgotten;
  private final StreamTickets tickets;

  UserEventHandler(ForgottenUsers forgotten, StreamTickets tickets) {
    this.forgotten = forgotten;
    this.tickets = tickets;
  }

  @Override
  public EventType type() {
    return EventType.USER;
  }

  @Override
  public Mono<Outcome> handle(UserEvent event, Delivery delivery) {
    if (event.operation() != Operation.DELETE) {
      return Mono.just(Outcome.skipped("user " + event.operation().wire() + " changes nothing"));
    }
    String userId = event.userId();
    return forgotten
        .forget(userId)
        .then(tickets.revokeAll(userId))
        .doOnNext(revoked -> log.info("forgot user {}: {} tickets revoked", userId, revoked))
        .thenReturn(Outcome.done())
        .onErrorResume(UserEventHandler::retry);
  }

  private static Mono<Outcome> retry(Throwable error) {
    String reason = "forget_failed: " + error.getMessage();
    return Mono.just(
        InfrastructureFailures.isOutage(error)
            ? Outcome.unavailable(reason)
            : Outcome.retry(reason));
  }
}
