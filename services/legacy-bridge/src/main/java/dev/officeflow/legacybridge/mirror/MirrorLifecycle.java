package dev.officeflow.legacybridge.mirror;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.SubscriptionBinding;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the mirror's handlers on the catalog's {@code legacy-mirror-<topic>} subscriptions (group
 * {@code LEGACY_MIRROR}) in the service's consumer runtime. Not through the runtime's own handler
 * discovery, which binds a service's event handlers to {@code <service>-<topic>}: the mirror's
 * subscriptions are named for the mirror, so an operator tells them from the bridge's. The runtime
 * stops them with the rest on shutdown.
 */
final class MirrorLifecycle implements SmartLifecycle {

  private final ConsumerRuntime runtime;
  private final String prefix;
  private final List<EventHandler<?>> handlers;
  private volatile boolean running;

  MirrorLifecycle(ConsumerRuntime runtime, String prefix, List<EventHandler<?>> handlers) {
    this.runtime = runtime;
    this.prefix = prefix;
    this.handlers = List.copyOf(handlers);
  }

  /** The mirror's subscription of the typed {@code topic}. */
  static SubscriptionSpec subscription(String topic) {
    return Catalog.subscriptions(Catalog.Group.LEGACY_MIRROR).stream()
        .filter(spec -> spec.topic().equals(topic))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the mirror does not read " + topic));
  }

  @Override
  public void start() {
    for (EventHandler<?> handler : handlers) {
      SubscriptionSpec spec = subscription(handler.type().topic());
      runtime.start(
          SubscriptionBinding.of(
              spec.renamed(prefix + spec.name(), prefix + spec.topic()),
              List.of(handler),
              handler.type()));
    }
    running = true;
  }

  @Override
  public void stop() {
    // The runtime's own lifecycle stops every subscription, the mirror's included.
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
