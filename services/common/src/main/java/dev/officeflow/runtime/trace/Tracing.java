package dev.officeflow.runtime.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Publish and consume spans, linked through W3C trace context carried in message attributes under
 * the names Google's own Pub/Sub clients use ({@code googclient_traceparent}), and the server spans
 * of HTTP calls between the services. Thread-safe.
 */
public final class Tracing {

  static final String ATTRIBUTE_PREFIX = "googclient_";

  private static final TextMapSetter<Map<String, String>> SETTER =
      (carrier, key, value) -> carrier.put(ATTRIBUTE_PREFIX + key, value);

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet().stream()
              .filter(k -> k.startsWith(ATTRIBUTE_PREFIX))
              .map(k -> k.substring(ATTRIBUTE_PREFIX.length()))
              .toList();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(ATTRIBUTE_PREFIX + key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator = W3CTraceContextPropagator.getInstance();

  public Tracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.officeflow.runtime");
  }

  /** A producer span for publishing to {@code topic}, child of the current context. */
  public Span startPublish(String topic) {
    return tracer
        .spanBuilder(topic + " publish")
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "gcp_pubsub")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("messaging.operation.type", "send")
        .startSpan();
  }

  /** A consumer span for one delivery, child of the context the publisher attached. */
  public Span startProcess(String subscription, String messageId, Context parent) {
    return tracer
        .spanBuilder(subscription + " process")
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "gcp_pubsub")
        .setAttribute("messaging.destination.subscription.name", subscription)
        .setAttribute("messaging.message.id", messageId)
        .setAttribute("messaging.operation.type", "process")
        .startSpan();
  }

  /**
   * A server span for an HTTP request, child of the caller's {@code parent}; named by {@code
   * method} until its route is known ({@link TraceContextWebFilter}).
   */
  public Span startServer(String method, String path, Context parent) {
    return tracer
        .spanBuilder(method)
        .setParent(parent)
        .setSpanKind(SpanKind.SERVER)
        .setAttribute("http.request.method", method)
        .setAttribute("url.path", path)
        .startSpan();
  }

  /** The trace context of {@code context} as message attributes. */
  public Map<String, String> inject(Context context) {
    Map<String, String> attributes = new HashMap<>();
    propagator.inject(context, attributes, SETTER);
    return attributes;
  }

  /** The context a publisher attached to {@code attributes}; the root context when none. */
  public Context extract(Map<String, String> attributes) {
    return propagator.extract(Context.root(), attributes, GETTER);
  }
}
