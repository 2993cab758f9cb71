package dev.officeflow.runtime.publish;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.OfficeflowRuntimeException;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Publishes typed events: one call sets the trace context in metadata and attributes, moves a large
 * payload behind a pointer, and publishes (batched by the underlying Pub/Sub publisher). The future
 * completes with the message id, or fails: nothing is swallowed. Thread-safe.
 */
public final class EventPublisher {

  private final PubSubPublisherOperations pubSub;
  private final EventCodec codec;
  private final PayloadPointers pointers;
  private final Tracing tracing;
  private final String topicPrefix;

  /**
   * @param topicPrefix prepended to catalog topic names (empty in production; tests isolate whole
   *     services on a shared emulator with it)
   */
  public EventPublisher(
      PubSubPublisherOperations pubSub,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      String topicPrefix) {
    this.pubSub = pubSub;
    this.codec = codec;
    this.pointers = pointers;
    this.tracing = tracing;
    this.topicPrefix = topicPrefix;
  }

  /** Publishes on the event type's catalog topic. */
  public CompletableFuture<String> publish(OfficeEvent event) {
    return publish(topicPrefix + EventType.of(event).topic(), event);
  }

  /** Publishes on {@code topic}; tests use it with their own topics. */
  public CompletableFuture<String> publish(String topic, OfficeEvent event) {
    Span parent = Span.current();
    Span span = tracing.startPublish(topic);
    try (Scope ignored = span.makeCurrent()) {
      OfficeEvent traced = event.withMetadata(traced(event.metadata(), span, parent));
      String traceparent = tracing.inject(Context.current()).get(EventAttributes.TRACEPARENT);
      return pointers
          .offload(traced)
          .thenCompose(travelling -> pubSub.publish(topic, message(travelling, traceparent)))
          .handle((id, error) -> finish(span, topic, traced, id, error));
    }
  }

  private PubsubMessage message(OfficeEvent event, @Nullable String traceparent) {
    return PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(codec.encode(event)))
        .putAllAttributes(EventAttributes.of(event, traceparent))
        .build();
  }

  private static EventMetadata traced(EventMetadata metadata, Span span, Span parent) {
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return metadata;
    }
    SpanContext parentContext = parent.getSpanContext();
    String parentSpanId = parentContext.isValid() ? parentContext.getSpanId() : null;
    return metadata.withTrace(context.getTraceId(), context.getSpanId(), parentSpanId);
  }

  private static String finish(
      Span span, String topic, OfficeEvent event, @Nullable String id, @Nullable Throwable error) {
    try {
      if (error == null && id != null) {
        span.setAttribute("messaging.message.id", id);
        return id;
      }
      Throwable cause = error == null ? new IllegalStateException("no message id") : unwrap(error);
      span.recordException(cause);
      span.setStatus(StatusCode.ERROR);
      throw new OfficeflowRuntimeException(
          "publishing event "
              + event.metadata().eventId()
              + " to topic "
              + topic
              + " failed: "
              + cause.getMessage(),
          cause);
    } finally {
      span.end();
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
