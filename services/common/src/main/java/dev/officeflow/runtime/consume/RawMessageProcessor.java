package dev.officeflow.runtime.consume;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.runtime.trace.HttpTraceContext;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
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
    Context parent = tracing.extract(message.getAttributesMap());
    Span span = tracing.startProcess(spec.name(), message.getMessageId(), parent);
    Context trace = parent.with(span);
    Delivery delivery =
        new Delivery(
            spec.name(),
            message.getMessageId(),
            message.getAttributesMap(),
            deliveryAttempt,
            span.getSpanContext());
    return MessageProcessor.invoke(trace, () -> handler.handle(message, delivery))
        .defaultIfEmpty(Outcome.done())
        .onErrorResume(error -> Mono.just(MessageProcessor.classify(error)))
        .doOnNext(outcome -> MessageProcessor.record(span, trace, delivery, outcome))
        .doFinally(signal -> span.end())
        .contextWrite(HttpTraceContext.with(trace));
  }
}
