package dev.officeflow.legacybridge.mirror;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.EventHandler;
import dev.officeflow.runtime.consume.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Mirrors one typed topic ({@code legacy-mirror-<topic>}): each event, unless the bridge made it,
 * is published once in its deprecated shape on its legacy topic, with no attributes (as the
 * reference services publish), and acked only after that publish succeeded; a failed publish
 * retries the event, which yields the same legacy message (same event id). Counts what it published
 * as {@code officeflow.legacy.mirror.published{topic}} (the legacy topic).
 */
final class MirrorHandler<E extends DataEvent<?>> implements EventHandler<E> {

  private final EventType type;
  private final LegacyShapes shapes;
  private final LegacyLoop loop;
  private final EventCodec codec;
  private final PubSubPublisherOperations pubSub;
  private final String prefix;
  private final MeterRegistry meters;

  MirrorHandler(
      EventType type,
      LegacyShapes shapes,
      LegacyLoop loop,
      EventCodec codec,
      PubSubPublisherOperations pubSub,
      String prefix,
      MeterRegistry meters) {
    this.type = type;
    this.shapes = shapes;
    this.loop = loop;
    this.codec = codec;
    this.pubSub = pubSub;
    this.prefix = prefix;
    this.meters = meters;
  }

  @Override
  public EventType type() {
    return type;
  }

  @Override
  public Mono<Outcome> handle(E event, Delivery delivery) {
    if (loop.bridged(event.metadata())) {
      loop.skipped(LegacyLoop.MIRROR_SIDE, type.topic());
      return Mono.just(Outcome.skipped("bridged from a legacy message"));
    }
    LegacyShapes.Mirrored mirrored;
    try {
      mirrored = shapes.of(event, spanId(event, delivery));
    } catch (EventValidationException e) {
      return Mono.just(Outcome.deadLetter("invalid: " + e.field() + ": " + e.reason()));
    }
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(codec.encodePayload(mirrored.event())))
            .build();
    return Mono.fromFuture(() -> pubSub.publish(prefix + mirrored.topic(), message))
        .doOnSuccess(id -> published(mirrored.topic()).increment())
        .thenReturn(Outcome.done());
  }

  /** The consume span, child of the typed event's: the legacy message's own span. */
  private static String spanId(DataEvent<?> event, Delivery delivery) {
    return delivery.span().isValid() ? delivery.span().getSpanId() : event.metadata().spanId();
  }

  private Counter published(String legacyTopic) {
    return Counter.builder("officeflow.legacy.mirror.published")
        .description("Typed events the mirror published in their legacy shape, by legacy topic")
        .tag("topic", legacyTopic)
        .register(meters);
  }
}
