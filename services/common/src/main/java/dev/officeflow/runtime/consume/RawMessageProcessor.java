package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/** Hands raw deliveries to a {@link MessageHandler} inside a consume span and classifies them. */
final class RawMessageProcessor implements DeliveryProcessor {

  private final SubscriptionSpec spec;
  private final MessageHandler handler;
  private final Tracing tracing;

  RawMessageProcessor(SubscriptionSpec spec, MessageHandler handler, Tracing tracing) {
    this.spec = spec;
    this.handler = handler;
    this.tracing = tracing;
  }

  @Override
  public Mono<Outcome> process(PubsubMessage message, int deliveryAttempt) {
    Span span =
        tracing.startProcess(
            spec.name(), message.getMessageId(), tracing.extract(message.getAttributesMap()));
    Delivery delivery =
        new Delivery(
            spec.name(),
            message.getMessageId(),
            message.getAttributesMap(),
            deliveryAttempt,
            span.getSpanContext());
    return Mono.defer(
            () -> {
              CompletableFuture<Outcome> outcome;
              try (Scope ignored = span.makeCurrent()) {
                outcome = handler.handle(message, delivery).toFuture();
              }
              return Mono.fromFuture(outcome);
            })
        .defaultIfEmpty(Outcome.done())
        .onErrorResume(error -> Mono.just(MessageProcessor.classify(error)))
        .doFinally(signal -> span.end());
  }
}
