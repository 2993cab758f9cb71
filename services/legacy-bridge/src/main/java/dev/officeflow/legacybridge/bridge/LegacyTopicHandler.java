package dev.officeflow.legacybridge.bridge;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.legacybridge.mirror.LegacyLoop;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Handles one legacy subscription ({@code legacy-bridge-<legacy topic>}): each item of a message
 * becomes one typed event on its topic. A message of no known shape, or an update whose one item is
 * bad, is dead-lettered whole with the reason (by the runtime); a bad item of a batch is
 * dead-lettered alone and the others flow. The message is acked only once every event and every
 * item's dead letter is published; a failed publish retries the whole message, which republishes
 * the same events (their ids are deterministic), so consumers' idempotency keys drop the repeats.
 */
final class LegacyTopicHandler implements MessageHandler {

  private final String subscription;
  private final LegacyReader reader;
  private final TypedEvents events;
  private final EventPublisher publisher;
  private final ItemDeadLetters deadLetters;
  private final Tracing tracing;
  private final LegacyLoop loop;

  LegacyTopicHandler(
      String subscription,
      LegacyReader reader,
      TypedEvents events,
      EventPublisher publisher,
      ItemDeadLetters deadLetters,
      Tracing tracing,
      LegacyLoop loop) {
    this.subscription = subscription;
    this.reader = reader;
    this.events = events;
    this.publisher = publisher;
    this.deadLetters = deadLetters;
    this.tracing = tracing;
    this.loop = loop;
  }

  @Override
  public String subscription() {
    return subscription;
  }

  @Override
  public Mono<Outcome> handle(PubsubMessage message, Delivery delivery) {
    byte[] data = message.getData().toByteArray();
    LegacyMessage read;
    try {
      read = reader.read(data);
    } catch (NotALegacyShapeException e) {
      return Mono.just(Outcome.deadLetter(e.reason()));
    }
    if (loop.mirrored(read.envelope().metadata())) {
      // The mirror made it from a typed event, which is on its topic already.
      loop.skipped(LegacyLoop.BRIDGE_SIDE, read.shape().topic());
      return Mono.just(Outcome.skipped("mirrored from a typed event"));
    }
    if (read.items().isEmpty()) {
      return Mono.just(Outcome.skipped("empty batch (" + read.shape().modelName() + ")"));
    }
    // Every item is published in the legacy message's trace, made current once for all of them.
    try (Scope ignored = legacyTrace(read.envelope().metadata()).makeCurrent()) {
      return publishAll(read, data, delivery);
    }
  }

  private Mono<Outcome> publishAll(LegacyMessage read, byte[] data, Delivery delivery) {
    if (!read.shape().batch()) {
      // An update's one item is the message: if it makes no valid event, the message is bad.
      try {
        return send(List.of(publisher.publish(events.of(read.envelope(), 0, firstPayload(read)))));
      } catch (EventValidationException e) {
        return Mono.just(Outcome.deadLetter("invalid: " + describe(e)));
      }
    }
    List<CompletableFuture<String>> sent = new ArrayList<>(read.items().size());
    for (LegacyMessage.Item item : read.items()) {
      sent.add(settle(item, position(item, read, delivery.attributes()), read, data, delivery));
    }
    return send(sent);
  }

  /** Publishes a batch item's typed event, or dead-letters the item alone. */
  private CompletableFuture<String> settle(
      LegacyMessage.Item item, int position, LegacyMessage read, byte[] data, Delivery delivery) {
    LegacyMessage.Refused refused;
    if (item instanceof LegacyMessage.Decoded decoded) {
      try {
        return publisher.publish(events.of(read.envelope(), position, decoded.payload()));
      } catch (EventValidationException e) {
        refused = new LegacyMessage.Refused(position, decoded.json(), "invalid: " + describe(e));
      }
    } else {
      refused = (LegacyMessage.Refused) item;
    }
    return deadLetters.publish(delivery, data, read, refused, position);
  }

  private static Object firstPayload(LegacyMessage read) {
    return ((LegacyMessage.Decoded) read.items().get(0)).payload();
  }

  private static Mono<Outcome> send(List<CompletableFuture<String>> sent) {
    return Mono.fromFuture(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)))
        .thenReturn(Outcome.done());
  }

  /**
   * The item's position in its batch: as read, or, for a replayed item dead letter (a one-item
   * batch that names its position), the position it had, so it keeps its event id.
   */
  private static int position(
      LegacyMessage.Item item, LegacyMessage read, Map<String, String> attributes) {
    String replayed = attributes.get(ItemDeadLetters.POSITION);
    if (replayed != null && read.items().size() == 1) {
      try {
        return Math.max(0, Integer.parseInt(replayed));
      } catch (NumberFormatException e) {
        return item.position();
      }
    }
    return item.position();
  }

  /**
   * The legacy message's trace when it has one, so that each typed event keeps its trace id and
   * names the legacy span as its parent; else the current context (the runtime's consume span).
   */
  private Context legacyTrace(EventMetadata legacy) {
    if (!legacy.hasTrace() || EventMetadata.NO_SPAN_ID.equals(legacy.spanId())) {
      return Context.current();
    }
    String traceparent = "00-" + legacy.traceId() + "-" + legacy.spanId() + "-01";
    return tracing.extract(Map.of(EventAttributes.TRACEPARENT, traceparent));
  }

  private static String describe(EventValidationException e) {
    return e.field().isEmpty() ? e.reason() : e.field() + ": " + e.reason();
  }
}
