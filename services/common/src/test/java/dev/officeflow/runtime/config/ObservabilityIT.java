package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.officeflow.runtime.testing.CapturedLogs;
import dev.officeflow.runtime.testing.OtlpReceiver;
import dev.officeflow.runtime.testing.OtlpReceiver.ExportedSpan;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import dev.officeflow.runtime.trace.TraceContextWebFilter;
import dev.officeflow.runtime.web.sample.SampleApplication;
import dev.officeflow.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets from services-common for operators, in a service of the one shape ({@link
 * SampleApplication}): its spans exported to an OTLP endpoint given as a property, the trace id on
 * its JSON log lines, and the liveness and readiness probes.
 */
@IntegrationTest
class ObservabilityIT {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static OtlpReceiver receiver;
  private static TestJwks jwks;
  private static ServiceUnderTest sample;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    receiver = OtlpReceiver.start();
    jwks = TestJwks.start();
    sample =
        ServiceUnderTest.of(SampleApplication.class)
            .web(WebApplicationType.REACTIVE)
            .property("officeflow.service.name", "sample")
            .property("officeflow.consumer.enabled", false)
            .property("officeflow.security.user-jwt.jwk-set-uri", jwks.uri())
            .property("management.endpoints.web.exposure.include", "health")
            .property("management.endpoint.health.show-components", "always")
            .property("otel.exporter.otlp.endpoint", receiver.endpoint())
            .property("otel.bsp.schedule.delay", "100")
            .start();
  }

  @AfterAll
  static void stop() {
    sample.close();
    jwks.close();
    receiver.close();
  }

  @Test
  void aCallInACallersTraceIsExportedAsAServerSpanOfIt() {
    assertThat(get("/public/hello", true).statusCode()).isEqualTo(200);

    ExportedSpan span =
        await().atMost(PATIENCE).until(() -> receiver.trace(TRACE_ID), s -> !s.isEmpty()).get(0);
    assertThat(span.service()).isEqualTo("sample");
    assertThat(span.name()).isEqualTo("GET /public/hello");
    assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
    assertThat(span.parentSpanId()).isEqualTo(CALLER_SPAN);
  }

  @Test
  void theLinesOfATracedRequestCarryItsTraceIdInTheJsonLog() {
    try (CapturedLogs logs = CapturedLogs.of(TraceContextWebFilter.class)) {
      get("/public/hello", true);

      ILoggingEvent line =
          await()
              .atMost(PATIENCE)
              .until(() -> logs.inTrace(TRACE_ID, "served traced request"), l -> !l.isEmpty())
              .get(0);
      JsonNode json = JSON.readTree(logstash(line));
      assertThat(json.path("trace_id").asString()).isEqualTo(TRACE_ID);
      assertThat(json.path("span_id").asString()).hasSize(16).isNotEqualTo(CALLER_SPAN);
      assertThat(json.path("route").asString()).isEqualTo("/public/hello");
    }
  }

  @Test
  void livenessIsTheProcessAlone() {
    JsonNode liveness = JSON.readTree(get("/actuator/health/liveness", false).body());

    assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
  }

  @Test
  void readinessIsTheServicesDependenciesAndNotLiveness() {
    JsonNode readiness = JSON.readTree(get("/actuator/health/readiness", false).body());

    assertThat(readiness.path("components").propertyNames())
        .contains("readinessState", "pubSub", "payloadStore")
        .doesNotContain("livenessState");
  }

  /** The line as the services' console writes it ({@code logging.structured.format.console}). */
  private static String logstash(ILoggingEvent event) {
    LoggerContext context = new LoggerContext();
    context.putObject(Environment.class.getName(), sample.context().getEnvironment());
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat("logstash");
    encoder.start();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(String path, boolean traced) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sample.baseUrl() + path));
    if (traced) {
      request.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
