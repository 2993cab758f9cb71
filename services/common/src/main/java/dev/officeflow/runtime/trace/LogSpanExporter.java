package dev.officeflow.runtime.trace;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every finished span as one structured log line ({@code traceId}, {@code spanId}, {@code
 * parentSpanId}, {@code span}, {@code kind}, {@code durationMs}), so a trace can be followed
 * through the services' JSON logs where no collector runs (on with {@code
 * officeflow.tracing.log-spans}).
 */
public final class LogSpanExporter implements SpanExporter {

  private static final Logger LOG = LoggerFactory.getLogger("dev.officeflow.spans");

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    for (SpanData span : spans) {
      long durationMs =
          TimeUnit.NANOSECONDS.toMillis(span.getEndEpochNanos() - span.getStartEpochNanos());
      LOG.atInfo()
          .setMessage("span")
          .addKeyValue("traceId", span.getTraceId())
          .addKeyValue("spanId", span.getSpanId())
          .addKeyValue("parentSpanId", span.getParentSpanId())
          .addKeyValue("span", span.getName())
          .addKeyValue("kind", span.getKind().name())
          .addKeyValue("durationMs", durationMs)
          .log();
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
