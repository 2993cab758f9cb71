package dev.officeflow.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.runtime.testing.FinishedSpans;
import dev.officeflow.runtime.testing.RecordingTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

class TraceContextWebFilterTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01";

  private final FinishedSpans spans = new FinishedSpans();
  private final OpenTelemetrySdk otel = RecordingTelemetry.into(spans);
  private final TraceContextWebFilter filter = new TraceContextWebFilter(new Tracing(otel));

  @AfterEach
  void close() {
    otel.close();
  }

  @Test
  void aCallWithTraceContextIsServedInAChildSpanNamedByItsRoute() {
    AtomicReference<Context> seenByHandler = new AtomicReference<>();
    MockServerWebExchange exchange =
        exchange(
            MockServerHttpRequest.post("/internal/jobs/j-17").header("traceparent", TRACEPARENT));

    filter
        .filter(exchange, handler("/internal/jobs/{id}", HttpStatus.ACCEPTED, seenByHandler))
        .block();

    assertThat(spans.all()).hasSize(1);
    SpanData span = spans.all().get(0);
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(span.getName()).isEqualTo("POST /internal/jobs/{id}");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getAttributes().asMap().values()).contains("/internal/jobs/j-17", 202L);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(Span.fromContext(seenByHandler.get()).getSpanContext().getSpanId())
        .as("the handler's chain carries the server span")
        .isEqualTo(span.getSpanId());
  }

  @Test
  void aServerErrorMarksTheSpan() {
    MockServerWebExchange exchange =
        exchange(MockServerHttpRequest.get("/internal/x").header("traceparent", TRACEPARENT));

    filter.filter(exchange, handler("/internal/x", HttpStatus.SERVICE_UNAVAILABLE, null)).block();

    assertThat(spans.all())
        .singleElement()
        .satisfies(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
  }

  @Test
  void callsWithoutTraceContextOrWithABrokenOneGetNoSpan() {
    filter
        .filter(
            exchange(MockServerHttpRequest.get("/actuator/health")),
            handler("/a", HttpStatus.OK, null))
        .block();
    filter
        .filter(
            exchange(MockServerHttpRequest.get("/x").header("traceparent", "00-nonsense-01")),
            handler("/x", HttpStatus.OK, null))
        .block();

    assertThat(spans.all()).isEmpty();
  }

  @Test
  void headersWrittenByOneServiceAreReadByTheNext() {
    Span caller = otel.getTracer("test").spanBuilder("backfill run").startSpan();
    HttpHeaders headers = new HttpHeaders();

    HttpTraceContext.inject(Context.root().with(caller), headers);
    Context read = HttpTraceContext.extract(headers);

    assertThat(headers.getFirst("traceparent")).contains(caller.getSpanContext().getTraceId());
    assertThat(Span.fromContext(read).getSpanContext().getSpanId())
        .isEqualTo(caller.getSpanContext().getSpanId());
    HttpHeaders none = new HttpHeaders();
    HttpTraceContext.inject(Context.root(), none);
    assertThat(none.headerNames()).isEmpty();
  }

  private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
    return MockServerWebExchange.from(request);
  }

  /** A handler as WebFlux would run it: the route mapped, the status set. */
  private static WebFilterChain handler(
      String route, HttpStatus status, AtomicReference<Context> seen) {
    return exchange ->
        Mono.deferContextual(
            context -> {
              if (seen != null) {
                seen.set(HttpTraceContext.of(context));
              }
              exchange
                  .getAttributes()
                  .put(
                      HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                      PathPatternParser.defaultInstance.parse(route));
              exchange.getResponse().setStatusCode(status);
              return Mono.<Void>empty();
            });
  }
}
