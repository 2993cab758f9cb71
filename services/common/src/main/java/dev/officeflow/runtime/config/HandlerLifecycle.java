package dev.officeflow.runtime.config;

import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.SubscriptionBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the service's {@link EventHandler} beans on their catalog subscriptions ({@code
 * <service>-<topic>}) once the application is up, and stops them first on shutdown.
 */
final class HandlerLifecycle implements SmartLifecycle {

  private final ConsumerRuntime runtime;
  private final String consumer;
  private final String prefix;
  private final List<EventHandler<?>> handlers;
  private final List<MessageHandler> rawHandlers;
  private volatile boolean running;

  HandlerLifecycle(
      ConsumerRuntime runtime,
      String consumer,
      String prefix,
      List<EventHandler<?>> handlers,
      List<MessageHandler> rawHandlers) {
    this.runtime = runtime;
    this.consumer = consumer;
    this.prefix = prefix;
    this.handlers = List.copyOf(handlers);
    this.rawHandlers = List.copyOf(rawHandlers);
  }

  @Override
  public void start() {
    bindings().forEach(runtime::start);
    for (MessageHandler handler : rawHandlers) {
      runtime.start(named(subscription(handler)), handler);
    }
    running = true;
  }

  /** The catalog subscription a raw handler names, which must belong to this service. */
  SubscriptionSpec subscription(MessageHandler handler) {
    return Catalog.subscription(handler.subscription())
        .filter(spec -> spec.consumer().equals(consumer))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no subscription " + handler.subscription() + " of " + consumer));
  }

  @Override
  public void stop() {
    runtime.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  List<SubscriptionBinding> bindings() {
    Map<SubscriptionSpec, List<EventHandler<?>>> bySubscription = new LinkedHashMap<>();
    for (EventHandler<?> handler : handlers) {
      EventType type = handler.type();
      SubscriptionSpec spec = Catalog.subscription(consumer, type.topic());
      bySubscription.computeIfAbsent(spec, s -> new ArrayList<>()).add(handler);
    }
    return bySubscription.entrySet().stream().map(e -> bind(e.getKey(), e.getValue())).toList();
  }

  private SubscriptionBinding bind(SubscriptionSpec spec, List<EventHandler<?>> handlers) {
    EventType topicType = EventType.ofTopic(spec.topic()).orElse(null);
    return SubscriptionBinding.of(named(spec), handlers, topicType);
  }

  private SubscriptionSpec named(SubscriptionSpec spec) {
    return spec.renamed(prefix + spec.name(), prefix + spec.topic());
  }
}
