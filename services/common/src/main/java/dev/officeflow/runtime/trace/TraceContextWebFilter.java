package dev.officeflow.runtime.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Continues a calling service's trace: a request that carries W3C trace context is served in a
 * server span, child of the caller's span, named by its method and route ({@code POST
 * /internal/tokens/get}), and the trace travels down the handler's Reactor chain ({@link
 * HttpTraceContext}). Requests without trace context get no span: browsers, health checks and
 * metric scrapes would otherwise each start a trace of one span. Runs before the credential check,
 * so a refused call shows in the caller's trace too.
 */
public final class TraceContextWebFilter implements WebFilter, Ordered {

  private final Tracing tracing;

  public TraceContextWebFilter(Tracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Context parent = HttpTraceContext.extract(exchange.getRequest().getHeaders());
    if (!Span.fromContext(parent).getSpanContext().isValid()) {
      return chain.filter(exchange);
    }
    String method = exchange.getRequest().getMethod().name();
    Span span = tracing.startServer(method, exchange.getRequest().getPath().value(), parent);
    return chain
        .filter(exchange)
        .doOnError(error -> span.recordException(error))
        .doFinally(signal -> end(span, method, exchange))
        .contextWrite(HttpTraceContext.with(parent.with(span)));
  }

  /** Names the span by its route, known only once a handler was mapped, and ends it. */
  private static void end(Span span, String method, ServerWebExchange exchange) {
    Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (route instanceof PathPattern pattern) {
      span.updateName(method + " " + pattern.getPatternString());
      span.setAttribute("http.route", pattern.getPatternString());
    }
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status != null) {
      span.setAttribute("http.response.status_code", status.value());
      if (status.is5xxServerError()) {
        span.setStatus(StatusCode.ERROR);
      }
    }
    span.end();
  }
}
