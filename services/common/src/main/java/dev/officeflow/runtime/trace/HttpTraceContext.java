package dev.officeflow.runtime.trace;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import reactor.util.context.ContextView;

/**
 * W3C trace context on HTTP calls between the services ({@code traceparent}, {@code tracestate}).
 * Reactive code does not keep OpenTelemetry's thread-local context across threads, so a trace
 * travels down a Reactor chain in its context under {@link #KEY}: {@link #with(Context)} puts it
 * there, {@link #of(ContextView)} reads it, and {@link TraceContextAccessor} makes it current
 * wherever the chain runs.
 */
public final class HttpTraceContext {

  /** The Reactor context key of the trace a chain carries. */
  public static final Object KEY = Context.class;

  private static final TextMapPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

  private static final TextMapSetter<HttpHeaders> SETTER = HttpHeaders::set;

  private static final TextMapGetter<HttpHeaders> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders carrier) {
          return carrier.headerNames();
        }

        @Override
        public @Nullable String get(@Nullable HttpHeaders carrier, String key) {
          return carrier == null ? null : carrier.getFirst(key);
        }
      };

  private HttpTraceContext() {}

  /** A Reactor context entry that carries {@code trace} to the calls made below it. */
  public static reactor.util.context.Context with(Context trace) {
    return reactor.util.context.Context.of(KEY, trace);
  }

  /** The trace a Reactor chain carries, else the current thread's. */
  public static Context of(ContextView view) {
    return view.getOrDefault(KEY, Context.current());
  }

  /** Writes {@code trace} into request headers; nothing when it has no valid span. */
  public static void inject(Context trace, HttpHeaders headers) {
    PROPAGATOR.inject(trace, headers, SETTER);
  }

  /** The caller's trace from request headers, or the root context when there is none. */
  public static Context extract(HttpHeaders headers) {
    return PROPAGATOR.extract(Context.root(), headers, GETTER);
  }
}
