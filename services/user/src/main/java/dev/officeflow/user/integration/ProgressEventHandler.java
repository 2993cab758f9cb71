package dev.officeflow.user.integration;

import dev.officeflow.events.EventType;
import dev.officeflow.events.ProgressEvent;
import dev.officeflow.events.ProgressState;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.user.integration.store.IntegrationStore;
import dev.officeflow.user.session.UserIds;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * {@code user-progress}: a backfill job that completed moves its integration's {@code last_sync_at}
 * to the job's {@code sync_timestamp}, never back, so a redelivered, reordered or older job's
 * completion changes nothing ({@code stale}). Reports of jobs still running, retrying or failed are
 * {@code skipped}: only a completed job read the whole window. A user id that cannot be one of this
 * service's ({@code UserIds}) is a dead letter; a user without that integration (disconnected
 * since) is skipped. A forgotten user's reports never get here (the runtime settles them) and would
 * find no row.
 */
final class ProgressEventHandler implements EventHandler<ProgressEvent> {

  private final IntegrationStore store;

  ProgressEventHandler(IntegrationStore store) {
    this.store = store;
  }

  @Override
  public EventType type() {
    return EventType.PROGRESS;
  }

  @Override
  public Mono<Outcome> handle(ProgressEvent event, Delivery delivery) {
    if (event.state() != ProgressState.COMPLETED) {
      return Mono.just(Outcome.skipped("job " + event.state().wire() + ", not completed"));
    }
    Optional<String> userId = UserIds.parse(event.userId());
    if (userId.isEmpty()) {
      return Mono.just(Outcome.deadLetter("invalid: user_id " + UserIds.problem(event.userId())));
    }
    return store
        .recordSync(userId.get(), event.provider(), event.syncTimestamp())
        .map(
            recorded -> {
              if (!recorded.found()) {
                return Outcome.skipped("no " + event.provider() + " integration");
              }
              return recorded.moved() ? Outcome.done() : Outcome.stale();
            });
  }
}
