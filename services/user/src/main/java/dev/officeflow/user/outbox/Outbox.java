package dev.officeflow.user.outbox;

import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.user.outbox.store.OutboxStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes events inside the caller's transaction and publishes them after it committed. A publish
 * that fails leaves the row for {@link OutboxSweeper}: consumers are idempotent, so the rare
 * duplicate is harmless, while a lost {@code IntegrationEvent} would leave a user without backfill.
 */
class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final OutboxStore store;
  private final EventPublisher publisher;

  Outbox(OutboxStore store, EventPublisher publisher) {
    this.store = store;
    this.publisher = publisher;
  }

  /** Appends an event in the current transaction; the result is its outbox id. */
  public Mono<Long> append(OfficeEvent event) {
    return store.append(event);
  }

  /**
   * Publishes the given outbox entries (after their transaction committed) and deletes each one
   * Pub/Sub accepted. Never fails: what could not be published stays for the sweeper.
   */
  public Mono<Void> publish(List<Long> ids) {
    return Flux.fromIterable(ids).concatMap(this::publishOne).then();
  }

  Mono<Void> publishOne(long id) {
    return store
        .find(id)
        .flatMap(event -> Mono.fromFuture(() -> publisher.publish(event)))
        .flatMap(messageId -> store.delete(id))
        .onErrorResume(
            e -> {
              log.warn(
                  "outbox event {} not published yet, the sweeper retries: {}", id, e.toString());
              return Mono.empty();
            });
  }
}
