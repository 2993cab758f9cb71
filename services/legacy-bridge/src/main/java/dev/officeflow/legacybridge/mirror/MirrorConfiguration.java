package dev.officeflow.legacybridge.mirror;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The loop guard, which the bridge uses whether or not the mirror runs (a mirror may run in another
 * deployment), and the mirror itself, only with {@code officeflow.legacy-bridge.mirror.enabled}
 * (off by default): no handler, no subscription read, nothing published otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MirrorConfiguration {

  /** Turns the mirror on; off by default (application.yml). */
  static final String ENABLED = "officeflow.legacy-bridge.mirror.enabled";

  @Bean
  LegacyLoop legacyLoop(RuntimeProperties runtime, MeterRegistry meters) {
    return new LegacyLoop(runtime.service().name(), meters);
  }

  /** The mirror's consumers, when it is on and the service consumes at all. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(ENABLED)
  @ConditionalOnBooleanProperty(name = "officeflow.consumer.enabled", matchIfMissing = true)
  static class Enabled {

    @Bean
    MirrorLifecycle mirrorLifecycle(
        ConsumerRuntime consumers,
        RuntimeProperties runtime,
        LegacyLoop loop,
        EventCodec codec,
        PubSubPublisherTemplate pubSub,
        MeterRegistry meters) {
      LegacyShapes shapes = new LegacyShapes(runtime.service().version());
      String prefix = runtime.pubsub().prefix();
      List<EventHandler<?>> handlers =
          Stream.of(EventType.EMAIL, EventType.CALENDAR, EventType.CONTACT)
              .<EventHandler<?>>map(
                  type -> new MirrorHandler<>(type, shapes, loop, codec, pubSub, prefix, meters))
              .toList();
      return new MirrorLifecycle(consumers, prefix, handlers);
    }
  }
}
