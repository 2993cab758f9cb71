package dev.officeflow.runtime.consume;

import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import reactor.core.publisher.Mono;

/**
 * Handles one event type for one consumer. Must be idempotent and accept any order and duplicates
 * (ARCHITECTURE §5). Return an {@link Outcome}; an error signal counts as retryable unless it is a
 * {@link PermanentEventException}. Blocking work belongs on a bounded scheduler, not the caller's
 * thread.
 *
 * @param <E> the event record
 */
public interface EventHandler<E extends OfficeEvent> {

  EventType type();

  Mono<Outcome> handle(E event, Delivery delivery);
}
