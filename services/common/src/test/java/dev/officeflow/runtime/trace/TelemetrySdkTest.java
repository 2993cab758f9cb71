package dev.officeflow.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.testing.FinishedSpans;
import dev.officeflow.runtime.testing.OtlpReceiver;
import dev.officeflow.runtime.testing.OtlpReceiver.ExportedSpan;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK the runtime builds with OpenTelemetry's autoconfigure module: the properties given here
 * are merged as the {@code OTEL_*} variables would be (those win over them, and none are set where
 * the tests run).
 */
class TelemetrySdkTest {

  private final OtlpReceiver receiver = OtlpReceiver.start();

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void withoutAnEndpointSpansAreExportedNowhere() {
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", Map.of(), List.of())) {
      finishOneSpan(sdk);

      assertThat(sdk.getSdkTracerProvider().toString()).doesNotContain("Otlp");
    }
    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void anEndpointExportsEverySpanOverOtlpWithTheServiceName() {
    Map<String, String> otel = Map.of("otel.exporter.otlp.endpoint", receiver.endpoint());
    SpanContext span;
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", otel, List.of())) {
      span = finishOneSpan(sdk);
    }

    assertThat(receiver.spans())
        .containsExactly(
            new ExportedSpan(
                "sample", span.getTraceId(), span.getSpanId(), "", "one", "SPAN_KIND_SERVER"));
  }

  @Test
  void aTracesEndpointAloneExportsToo() {
    Map<String, String> otel =
        Map.of("otel.exporter.otlp.traces.endpoint", receiver.endpoint() + "/v1/traces");
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", otel, List.of())) {
      finishOneSpan(sdk);
    }

    assertThat(receiver.spans()).hasSize(1);
  }

  @Test
  void anExporterNamedExplicitlyWinsOverTheEndpoint() {
    Map<String, String> otel =
        Map.of("otel.exporter.otlp.endpoint", receiver.endpoint(), "otel.traces.exporter", "none");
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", otel, List.of())) {
      finishOneSpan(sdk);
    }

    assertThat(receiver.spans()).isEmpty();
  }

  @Test
  void otelServiceNameReplacesTheServicesName() {
    Map<String, String> otel =
        Map.of("otel.exporter.otlp.endpoint", receiver.endpoint(), "otel.service.name", "renamed");
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", otel, List.of())) {
      finishOneSpan(sdk);
    }

    assertThat(receiver.spans()).extracting(ExportedSpan::service).containsExactly("renamed");
  }

  @Test
  void theGivenSpanProcessorsSeeEverySpanBesideTheExport() {
    FinishedSpans logged = new FinishedSpans();
    Map<String, String> otel = Map.of("otel.exporter.otlp.endpoint", receiver.endpoint());
    try (OpenTelemetrySdk sdk =
        TelemetrySdk.create("sample", otel, List.of(SimpleSpanProcessor.create(logged)))) {
      finishOneSpan(sdk);
    }

    assertThat(logged.all()).hasSize(1);
    assertThat(receiver.spans()).hasSize(1);
  }

  @Test
  void propagationIsW3cTraceContextOnly() {
    try (OpenTelemetrySdk sdk = TelemetrySdk.create("sample", Map.of(), List.of())) {
      TextMapPropagator propagator = sdk.getPropagators().getTextMapPropagator();

      assertThat(propagator.fields()).containsExactlyInAnyOrder("traceparent", "tracestate");
    }
  }

  /** Starts and ends a span, flushes, and returns its ids. */
  private static SpanContext finishOneSpan(OpenTelemetrySdk sdk) {
    Span span = sdk.getTracer("test").spanBuilder("one").setSpanKind(SpanKind.SERVER).startSpan();
    span.end();
    sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
    return span.getSpanContext();
  }
}
