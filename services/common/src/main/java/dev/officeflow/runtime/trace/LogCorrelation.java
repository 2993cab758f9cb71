package dev.officeflow.runtime.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.ContextStorageProvider;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts the current span's ids in SLF4J's MDC under {@value #TRACE_ID} and {@value #SPAN_ID} (the
 * names of OpenTelemetry's Logback MDC instrumentation), so every log line written while a span is
 * current carries them: Boot's JSON formats write MDC entries as fields of the line. A context
 * storage, loaded by OpenTelemetry through {@code META-INF/services} before any context is made
 * current, so there is no order to get right; Reactor code reaches it through {@link
 * TraceContextAccessor}.
 */
public final class LogCorrelation implements ContextStorageProvider {

  /** The MDC key of the current trace id (32 hex digits). */
  public static final String TRACE_ID = "trace_id";

  /** The MDC key of the current span id (16 hex digits). */
  public static final String SPAN_ID = "span_id";

  @Override
  public ContextStorage get() {
    return new MdcStorage(ContextStorage.defaultStorage());
  }

  /** The default thread-local storage, mirrored into the MDC on every change. */
  static final class MdcStorage implements ContextStorage {

    private final ContextStorage delegate;

    MdcStorage(ContextStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    public Scope attach(Context toAttach) {
      Context before = delegate.current();
      Scope scope = delegate.attach(toAttach);
      if (toAttach == before) {
        return scope;
      }
      mirror(toAttach);
      return () -> {
        scope.close();
        mirror(delegate.current());
      };
    }

    @Override
    public @Nullable Context current() {
      return delegate.current();
    }

    @Override
    public Context root() {
      return delegate.root();
    }

    private static void mirror(@Nullable Context context) {
      SpanContext span =
          context == null ? SpanContext.getInvalid() : Span.fromContext(context).getSpanContext();
      if (span.isValid()) {
        MDC.put(TRACE_ID, span.getTraceId());
        MDC.put(SPAN_ID, span.getSpanId());
      } else {
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
      }
    }
  }
}
