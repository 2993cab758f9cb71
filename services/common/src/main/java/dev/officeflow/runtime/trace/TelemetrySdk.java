package dev.officeflow.runtime.trace;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process's OpenTelemetry SDK, built by the SDK's autoconfigure module from the standard {@code
 * OTEL_*} environment variables and {@code otel.*} system properties (which win), then {@code
 * otel.*} properties of the service's configuration, then officeflow's defaults:
 *
 * <ul>
 *   <li>traces are exported over OTLP ({@code http/protobuf}, the JDK's HTTP client) only when an
 *       endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code
 *       OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), else nowhere; {@code OTEL_TRACES_EXPORTER} given
 *       explicitly wins;
 *   <li>no metrics or logs exporter: metrics go through Micrometer to {@code /actuator/prometheus},
 *       logs to standard output;
 *   <li>{@code service.name} is {@code officeflow.service.name} unless {@code OTEL_SERVICE_NAME};
 *   <li>W3C trace context propagation.
 * </ul>
 *
 * The given span processors (the span log, {@code officeflow.tracing.log-spans}) are added to the
 * tracer provider beside the exporter's. The SDK is not made global, and registers no shutdown
 * hook: its owner closes it, which flushes what is left to export.
 */
public final class TelemetrySdk {

  static final String TRACES_EXPORTER = "otel.traces.exporter";

  private TelemetrySdk() {}

  /**
   * @param serviceName the default {@code service.name}
   * @param configured {@code otel.*} properties from the service's configuration
   * @param processors added to the tracer provider, in order
   */
  public static OpenTelemetrySdk create(
      String serviceName, Map<String, String> configured, List<SpanProcessor> processors) {
    Map<String, String> properties = new HashMap<>(defaults(serviceName));
    properties.putAll(configured);
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .addPropertiesCustomizer(TelemetrySdk::tracesExporter)
        .addTracerProviderCustomizer(
            (tracerProvider, config) -> {
              processors.forEach(tracerProvider::addSpanProcessor);
              return tracerProvider;
            })
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  static Map<String, String> defaults(String serviceName) {
    return Map.of(
        "otel.service.name", serviceName,
        "otel.propagators", "tracecontext",
        "otel.exporter.otlp.protocol", "http/protobuf",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none");
  }

  /** OTLP when an endpoint is configured and no exporter is named, else none. */
  static Map<String, String> tracesExporter(ConfigProperties config) {
    if (config.getString(TRACES_EXPORTER) != null) {
      return Map.of();
    }
    boolean endpoint =
        config.getString("otel.exporter.otlp.endpoint") != null
            || config.getString("otel.exporter.otlp.traces.endpoint") != null;
    return Map.of(TRACES_EXPORTER, endpoint ? "otlp" : "none");
  }
}
