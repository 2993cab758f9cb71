package dev.officeflow.vespaloader.feed;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.document.DocumentFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps one Vespa document per provider item of one event type: create and update write the
 * document (unless a newer version is stored), delete removes it. An event that cannot become a
 * document is dead-lettered by the runtime with the factory's reason.
 *
 * @param <E> the event record
 */
final class DocumentHandler<E extends DataEvent<?>> implements EventHandler<E> {

  private final EventType type;
  private final DocumentFactory factory;
  private final VespaFeeder feeder;

  DocumentHandler(EventType type, DocumentFactory factory, VespaFeeder feeder) {
    this.type = type;
    this.factory = factory;
    this.feeder = feeder;
  }

  @Override
  public EventType type() {
    return type;
  }

  @Override
  public Mono<Outcome> handle(E event, Delivery delivery) {
    if (event.operation() == Operation.DELETE) {
      return Mono.fromCallable(() -> factory.id(event)).flatMap(feeder::remove);
    }
    return Mono.fromCallable(() -> factory.document(event)).flatMap(feeder::write);
  }
}
