package dev.officeflow.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Reactor chain's trace made current on the threads it continues on, with Reactor's automatic
 * context propagation on as services-common turns it on in every service.
 */
class TraceContextAccessorTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Context TRACE =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.create(
                      TRACE_ID,
                      "00f067aa0ba902b7",
                      TraceFlags.getSampled(),
                      TraceState.getDefault())));

  private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();
  private final Scheduler single = Schedulers.newSingle("accessor-test");

  @BeforeEach
  void propagate() {
    Hooks.enableAutomaticContextPropagation();
  }

  @AfterEach
  void stop() {
    Hooks.disableAutomaticContextPropagation();
    elsewhere.shutdown();
    single.dispose();
  }

  @Test
  void afterATimerTheChainRunsInItsTraceWithTheIdsInTheMdc() {
    Map<String, String> seen =
        Mono.delay(Duration.ofMillis(5))
            .map(tick -> seenHere())
            .contextWrite(HttpTraceContext.with(TRACE))
            .block();

    assertThat(seen).containsEntry("span", TRACE_ID).containsEntry("mdc", TRACE_ID);
  }

  @Test
  void aFutureCompletedOnAnotherThreadContinuesTheTrace() {
    Map<String, String> seen =
        Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> "done", elsewhere))
            .map(done -> seenHere())
            .contextWrite(HttpTraceContext.with(TRACE))
            .block();

    assertThat(seen).containsEntry("span", TRACE_ID).containsEntry("mdc", TRACE_ID);
  }

  @Test
  void aThreadGoesBackToNoTraceOnceTheChainLeftIt() {
    Mono.just(1).publishOn(single).contextWrite(HttpTraceContext.with(TRACE)).block();

    Map<String, String> next = Mono.just(2).publishOn(single).map(n -> seenHere()).block();

    assertThat(next).containsEntry("span", "none").containsEntry("mdc", "none");
  }

  private static Map<String, String> seenHere() {
    SpanContext span = Span.current().getSpanContext();
    String mdc = MDC.get(LogCorrelation.TRACE_ID);
    return Map.of(
        "span", span.isValid() ? span.getTraceId() : "none", "mdc", mdc == null ? "none" : mdc);
  }
}
