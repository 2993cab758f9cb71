package dev.officeflow.runtime.testing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A tracing SDK like the runtime's (W3C propagation) that hands every finished span to a test. */
public final class RecordingTelemetry {

  private RecordingTelemetry() {}

  /** An SDK that exports each span to {@code spans} as it ends; close it after the test. */
  public static OpenTelemetrySdk into(FinishedSpans spans) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
