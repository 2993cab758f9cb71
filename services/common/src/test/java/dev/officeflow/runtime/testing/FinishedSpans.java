package dev.officeflow.runtime.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every span a test's SDK finished, in order ({@link RecordingTelemetry}). Not the SDK's testing
 * module: it brings a context storage of its own, which would replace the runtime's log-correlating
 * one on the tests' class path.
 */
public final class FinishedSpans implements SpanExporter {

  private final List<SpanData> spans = new CopyOnWriteArrayList<>();

  public List<SpanData> all() {
    return List.copyOf(spans);
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> finished) {
    spans.addAll(finished);
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
