package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.EventValidationException;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadUnavailableException;
import dev.officeflow.runtime.trace.HttpTraceContext;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Turns one delivery into an {@link Outcome}: type it (attributes, else topic), decode it, settle
 * it as {@code forgotten} when its user was purged, resolve its payload pointer, and call the
 * handler inside a consume span. Every failure is classified; none escapes. Pub/Sub-independent, so
 * it is unit-testable.
 *
 * <p>The forgotten check comes before the pointer is resolved: a purge deletes the user's payloads,
 * and a missing payload would otherwise end as a dead letter of a user who no longer exists.
 *
 * <p>The span travels down the chain in its Reactor context ({@link HttpTraceContext}), so the
 * handler's calls to other services and, with Reactor's automatic context propagation, its log
 * lines on whatever thread carry the trace. At debug level each handled delivery is logged in it.
 */
final class MessageProcessor implements DeliveryProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

  private final SubscriptionBinding binding;
  private final EventCodec codec;
  private final PayloadPointers pointers;
  private final Tracing tracing;
  private final ForgottenCheck forgotten;

  MessageProcessor(
      SubscriptionBinding binding,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      ForgottenCheck forgotten) {
    this.binding = binding;
    this.codec = codec;
    this.pointers = pointers;
    this.tracing = tracing;
    this.forgotten = forgotten;
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
    Context parent = tracing.extract(attributes);
    Span span = tracing.startProcess(binding.spec().name(), message.getMessageId(), parent);
    Context trace = parent.with(span);
    Delivery delivery =
        new Delivery(
            binding.spec().name(),
            message.getMessageId(),
            attributes,
            deliveryAttempt,
            span.getSpanContext());
    return decodeAndHandle(message, type.get(), handler, delivery, trace)
        .onErrorResume(error -> Mono.just(classify(error)))
        .doOnNext(outcome -> record(span, trace, delivery, outcome))
        .doFinally(signal -> span.end())
        .contextWrite(HttpTraceContext.with(trace));
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
      Context trace) {
    return Mono.fromCallable(() -> codec.decode(message.getData().toByteArray(), type))
        .flatMap(
            event ->
                forgotten
                    .isForgotten(event)
                    .flatMap(
                        gone ->
                            gone
                                ? Mono.just(Outcome.forgotten())
                                : resolveAndHandle(event, handler, delivery, trace)))
        .defaultIfEmpty(Outcome.done());
  }

  private Mono<Outcome> resolveAndHandle(
      OfficeEvent event, EventHandler<?> handler, Delivery delivery, Context trace) {
    return Mono.fromFuture(() -> pointers.resolve(event))
        .flatMap(resolved -> invoke(trace, () -> handle(handler, resolved, delivery)));
  }

  @SuppressWarnings("unchecked")
  private static <E extends OfficeEvent> Mono<Outcome> handle(
      EventHandler<E> handler, OfficeEvent event, Delivery delivery) {
    return handler.handle((E) event, delivery);
  }

  /**
   * Calls a handler and subscribes to its answer with the consume span current, so what the handler
   * does on this thread continues the publisher's trace, and with the trace in the answer's Reactor
   * context, for what it does on other threads.
   */
  static Mono<Outcome> invoke(Context trace, Supplier<Mono<Outcome>> handler) {
    return Mono.defer(
        () -> {
          CompletableFuture<Outcome> outcome;
          try (Scope ignored = trace.makeCurrent()) {
            outcome = handler.get().contextWrite(HttpTraceContext.with(trace)).toFuture();
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
    if (InfrastructureFailures.isOutage(cause)) {
      return Outcome.unavailable(
          "unavailable: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    return Outcome.retry(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  /** Puts the outcome on the span and, at debug level, in a log line of the trace. */
  static void record(Span span, Context trace, Delivery delivery, Outcome outcome) {
    span.setAttribute("officeflow.outcome", outcome.action().name().toLowerCase());
    if (outcome.action() != Outcome.Action.ACK) {
      span.setStatus(StatusCode.ERROR, outcome.reason());
    }
    if (LOG.isDebugEnabled()) {
      try (Scope ignored = trace.makeCurrent()) {
        LOG.atDebug()
            .setMessage("handled delivery")
            .addKeyValue("subscription", delivery.subscription())
            .addKeyValue("messageId", delivery.messageId())
            .addKeyValue("deliveryAttempt", delivery.deliveryAttempt())
            .addKeyValue("outcome", OutcomeObserver.label(outcome))
            .addKeyValue("reason", outcome.reason())
            .log();
      }
    }
  }
}
