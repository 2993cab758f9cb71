package dev.officeflow.vespaloader.feed;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.document.DocumentFactory;
import dev.officeflow.vespaloader.document.VespaDocument;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * Keeps one Vespa document per provider item of one event type: create and update write the
 * document, delete writes its tombstone, each unless a newer version is stored (ARCHITECTURE §5).
 * An event of a forgotten user writes nothing. An event that cannot become a document is
 * dead-lettered by the runtime with the factory's reason.
 *
 * <p>The forgotten check is made here again, right before the write, although the runtime made it
 * before resolving the payload: then the only time between the last check and the write reaching
 * Vespa is the feed operation itself, bounded by {@code operation-timeout}, which is what lets a
 * purge's second pass come late enough to remove anything a write in flight left behind ({@code
 * PurgeSettings}). The check is a map lookup once the answer is cached.
 *
 * @param <E> the event record
 */
final class DocumentHandler<E extends DataEvent<?>> implements EventHandler<E> {

  private final EventType type;
  private final DocumentFactory factory;
  private final VespaFeeder feeder;
  private final ForgottenUsers forgotten;
  private final Clock clock;

  DocumentHandler(
      EventType type,
      DocumentFactory factory,
      VespaFeeder feeder,
      ForgottenUsers forgotten,
      Clock clock) {
    this.type = type;
    this.factory = factory;
    this.feeder = feeder;
    this.forgotten = forgotten;
    this.clock = clock;
  }

  @Override
  public EventType type() {
    return type;
  }

  @Override
  public Mono<Outcome> handle(E event, Delivery delivery) {
    return forgotten
        .isForgotten(event.userId())
        .flatMap(gone -> gone ? Mono.just(Outcome.forgotten()) : write(event))
        .onErrorResume(VespaException.class, error -> feeder.held(error.outcome()));
  }

  private Mono<Outcome> write(E event) {
    return Mono.fromCallable(() -> document(event)).flatMap(feeder::write);
  }

  private VespaDocument document(E event) {
    return event.operation() == Operation.DELETE
        ? factory.tombstone(event, clock.instant())
        : factory.document(event);
  }
}
