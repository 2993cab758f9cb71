package dev.officeflow.runtime.consume;

import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A subscription and the handlers that serve it, at most one per event type.
 *
 * @param spec the subscription
 * @param handlers by event type; a message of another type is acked and skipped
 * @param topicType the type of messages that carry no attributes (the reference producers send
 *     none), which is the type of the topic; null when the topic carries no officeflow events
 */
public record SubscriptionBinding(
    SubscriptionSpec spec,
    Map<EventType, EventHandler<?>> handlers,
    @Nullable EventType topicType) {

  public SubscriptionBinding {
    handlers = Map.copyOf(handlers);
  }

  /** A binding whose topic is a catalog topic, which decides the type of bare messages. */
  public static SubscriptionBinding of(SubscriptionSpec spec, List<EventHandler<?>> handlers) {
    return of(spec, handlers, EventType.ofTopic(spec.topic()).orElse(null));
  }

  /** A binding on a topic of another name (tests use unique topics) carrying {@code topicType}. */
  public static SubscriptionBinding of(
      SubscriptionSpec spec, List<EventHandler<?>> handlers, @Nullable EventType topicType) {
    Map<EventType, EventHandler<?>> byType = new EnumMap<>(EventType.class);
    for (EventHandler<?> handler : handlers) {
      if (byType.put(handler.type(), handler) != null) {
        throw new IllegalArgumentException(
            spec.name() + ": two handlers for " + handler.type().ceType());
      }
    }
    return new SubscriptionBinding(spec, byType, topicType);
  }
}
