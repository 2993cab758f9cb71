package dev.officeflow.contacts.testing;

import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import reactor.core.publisher.Mono;

/**
 * Counts the deliveries each of the service's real handlers finished (acked), so a test knows when
 * a redelivery that changes nothing has been processed. Wraps the handler beans; changes nothing
 * else.
 */
public final class HandledEvents implements BeanPostProcessor {

  private final Map<EventType, AtomicLong> acked = new ConcurrentHashMap<>();

  public long acked(EventType type) {
    return acked.computeIfAbsent(type, t -> new AtomicLong()).get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof EventHandler<?> handler) {
      return counting(handler);
    }
    return bean;
  }

  private <E extends OfficeEvent> EventHandler<E> counting(EventHandler<E> handler) {
    AtomicLong counter = acked.computeIfAbsent(handler.type(), t -> new AtomicLong());
    return new EventHandler<>() {
      @Override
      public EventType type() {
        return handler.type();
      }

      @Override
      public Mono<Outcome> handle(E event, Delivery delivery) {
        return handler
            .handle(event, delivery)
            .doOnNext(
                outcome -> {
                  if (outcome.action() == Outcome.Action.ACK) {
                    counter.incrementAndGet();
                  }
                });
      }
    };
  }
}
