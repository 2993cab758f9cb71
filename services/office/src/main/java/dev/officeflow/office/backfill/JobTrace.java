package dev.officeflow.office.backfill;

import dev.officeflow.office.backfill.store.JobRepository;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The trace a job belongs to, kept as a W3C {@code traceparent} in its row ({@link
 * JobRepository#insert}): a job runs later, from the database, possibly on another instance, so the
 * thread-local context of the delivery that created it is long gone by then. Each run is a span
 * child of the stored context, and what the run publishes is a child of that span.
 */
final class JobTrace {

  private static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private JobTrace() {}

  /** The {@code traceparent} of {@code context}; null when it holds no valid span. */
  static @Nullable String traceparent(Context context) {
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** A started span for one run of {@code job}, child of its stored trace (a root without one). */
  static Span startRun(Tracer tracer, BackfillJob job) {
    return tracer
        .spanBuilder("backfill run")
        .setParent(parent(job.traceparent()))
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute("officeflow.job.id", job.id().toString())
        .setAttribute("officeflow.user.id", job.userId())
        .startSpan();
  }

  static Context parent(@Nullable String traceparent) {
    if (traceparent == null) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
  }
}
