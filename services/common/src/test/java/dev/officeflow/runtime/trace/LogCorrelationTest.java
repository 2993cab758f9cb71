package dev.officeflow.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.officeflow.runtime.testing.CapturedLogs;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The current span's ids in every log line, through the runtime's context storage. */
class LogCorrelationTest {

  private static final Logger LOG = LoggerFactory.getLogger(LogCorrelationTest.class);
  private static final Span OUTER = span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
  private static final Span INNER = span("4bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331");

  private final CapturedLogs logs = CapturedLogs.of(LogCorrelationTest.class);

  @AfterEach
  void detach() {
    logs.close();
  }

  @Test
  void aLineWrittenWhileASpanIsCurrentCarriesItsTraceAndSpanIds() {
    try (Scope ignored = OUTER.makeCurrent()) {
      LOG.info("in the span");
    }

    assertThat(mdc(0))
        .containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
        .containsEntry("span_id", "00f067aa0ba902b7");
  }

  @Test
  void closingANestedSpansScopeBringsBackTheOuterIdsAndClosingTheLastLeavesNone() {
    try (Scope outer = OUTER.makeCurrent()) {
      try (Scope inner = INNER.makeCurrent()) {
        LOG.info("inner");
      }
      LOG.info("outer again");
    }
    LOG.info("outside");

    assertThat(mdc(0)).containsEntry("span_id", "b7ad6b7169203331");
    assertThat(mdc(1)).containsEntry("span_id", "00f067aa0ba902b7");
    assertThat(mdc(2)).doesNotContainKeys("trace_id", "span_id");
  }

  @Test
  void aContextWithoutAValidSpanClearsTheIds() {
    try (Scope outer = OUTER.makeCurrent();
        Scope none = Span.getInvalid().makeCurrent()) {
      LOG.info("no span");
    }

    assertThat(mdc(0)).doesNotContainKeys("trace_id", "span_id");
  }

  private Map<String, String> mdc(int line) {
    ILoggingEvent event = logs.events().get(line);
    return event.getMDCPropertyMap();
  }

  private static Span span(String traceId, String spanId) {
    return Span.wrap(
        SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()));
  }
}
