package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadUnavailableException;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import reactor.core.publisher.Mono;

/**
 * Turns one delivery into an {@link Outcome}: type it (attributes, else topic), decode it, resolve
 * its payload pointer, and call the handler inside a consume span. Every failure is classified;
 * none escapes. Pub/Sub-independent, so it is unit-testable.
 */
final class MessageProcessor implements DeliveryProcessor {

  private final SubscriptionBinding binding;
  private final EventCodec codec;
  private final PayloadPointers pointers;
  private final Tracing tracing;

  MessageProcessor(
      SubscriptionBinding binding, EventCodec codec, PayloadPointers pointers, Tracing tracing) {
    this.binding = binding;
    this.codec = codec;
    this.pointers = pointers;
    this.tracing = tracing;
  }

  @Override
  public Mono<Outcome> process(PubsubMessage message, int deliveryAttempt) {
    Map<String, String> attributes = message.getAttributesMap();
    Optional<EventType> type = typeOf(attributes);
    if (type.isEmpty()) {
      return Mono.just(Outcome.deadLetter("unknown_type: " + attributes.get(EventAttributes.TYPE)));
    }
    EventHandler<?> handler = binding.handlers().get(type.get());
    if (handler == null) {
      return Mono.just(Outcome.skipped("no handler for " + type.get().ceType()));
    }
    Span span =
        tracing.startProcess(
            binding.spec().name(), message.getMessageId(), tracing.extract(attributes));
    Delivery delivery =
        new Delivery(
            binding.spec().name(),
            message.getMessageId(),
            attributes,
            deliveryAttempt,
            span.getSpanContext());
    try (Scope ignored = span.makeCurrent()) {
      return decodeAndHandle(message, type.get(), handler, delivery, span)
          .onErrorResume(error -> Mono.just(classify(error)))
          .doOnNext(outcome -> record(span, outcome))
          .doFinally(signal -> span.end());
    }
  }

  /** From {@code ce-type} when present, else the topic's type (ARCHITECTURE §4). */
  private Optional<EventType> typeOf(Map<String, String> attributes) {
    String ceType = attributes.get(EventAttributes.TYPE);
    return ceType == null ? Optional.ofNullable(binding.topicType()) : EventType.ofCeType(ceType);
  }

  private Mono<Outcome> decodeAndHandle(
      PubsubMessage message,
      EventType type,
      EventHandler<?> handler,
      Delivery delivery,
      Span span) {
    return Mono.fromCallable(() -> codec.decode(message.getData().toByteArray(), type))
        .flatMap(event -> Mono.fromFuture(() -> pointers.resolve(event)))
        .flatMap(resolved -> invoke(handler, resolved, delivery, span))
        .defaultIfEmpty(Outcome.done());
  }

  /**
   * Calls the handler and subscribes to its answer with the consume span current, so what the
   * handler publishes on this thread continues the publisher's trace (Reactor does not carry
   * OpenTelemetry's thread-local context by itself; work it moves to other threads can use {@link
   * Delivery#span()}).
   */
  @SuppressWarnings("unchecked")
  private static <E extends OfficeEvent> Mono<Outcome> invoke(
      EventHandler<E> handler, OfficeEvent event, Delivery delivery, Span span) {
    return Mono.defer(
        () -> {
          CompletableFuture<Outcome> outcome;
          try (Scope ignored = span.makeCurrent()) {
            outcome = handler.handle((E) event, delivery).toFuture();
          }
          return Mono.fromFuture(outcome);
        });
  }

  static Outcome classify(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof EventValidationException invalid) {
      return Outcome.deadLetter("invalid: " + invalid.getMessage());
    }
    if (cause instanceof PayloadUnavailableException unavailable) {
      return Outcome.retry(unavailable.getMessage());
    }
    if (cause instanceof PermanentEventException permanent) {
      return Outcome.deadLetter("permanent: " + permanent.getMessage());
    }
    return Outcome.retry(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private static void record(Span span, Outcome outcome) {
    span.setAttribute("officeflow.outcome", outcome.action().name().toLowerCase());
    if (outcome.action() != Outcome.Action.ACK) {
      span.setStatus(StatusCode.ERROR, outcome.reason());
    }
  }
}
