package dev.officeflow.contacts.purge;

import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code contacts-users}: a deleted user's data is purged; other user events do not matter here. A
 * purge that fails is tried again a few times, then the delivery is nacked (retried), never acked:
 * and once its first step committed, the sweeper finishes it whatever becomes of the message.
 */
final class UserEventHandler implements EventHandler<UserEvent> {

  private static final Logger log = LoggerFactory.getLogger(UserEventHandler.class);

  private final UserDataPurge purge;
  private final PurgeSettings settings;

  UserEventHandler(UserDataPurge purge, PurgeSettings settings) {
    this.purge = purge;
    this.settings = settings;
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
    String userId = event.userId();
    return Mono.defer(() -> purge.purge(userId))
        .retryWhen(Retry.backoff(settings.attempts() - 1L, settings.retryBackoff()))
        .doOnNext(rows -> log.info("purged user {}: {} rows", userId, rows))
        .thenReturn(Outcome.done())
        .onErrorResume(
            e -> {
              Throwable cause =
                  Exceptions.isRetryExhausted(e) && e.getCause() != null ? e.getCause() : e;
              log.warn(
                  "purging user {} failed, the delivery is retried: {}", userId, cause.toString());
              return Mono.just(Outcome.retry("purge_failed: " + cause));
            });
  }
}
