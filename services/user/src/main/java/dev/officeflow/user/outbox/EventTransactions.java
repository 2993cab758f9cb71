package dev.officeflow.user.outbox;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a unit of work in one database transaction and publishes the events it appended after the
 * commit. A failed unit rolls back its events with everything else: nothing is announced that did
 * not happen.
 */
public class EventTransactions {

  private final TransactionalOperator transactions;
  private final Outbox outbox;

  EventTransactions(TransactionalOperator transactions, Outbox outbox) {
    this.transactions = transactions;
    this.outbox = outbox;
  }

  public <T> Mono<T> run(Function<PendingEvents, Mono<T>> work) {
    return Mono.defer(
        () -> {
          PendingEvents pending = new PendingEvents(outbox);
          return transactions
              .transactional(Mono.defer(() -> work.apply(pending)))
              .map(Optional::of)
              .defaultIfEmpty(Optional.empty())
              .flatMap(result -> outbox.publish(pending.ids()).thenReturn(result))
              .flatMap(Mono::justOrEmpty);
        });
  }
}
