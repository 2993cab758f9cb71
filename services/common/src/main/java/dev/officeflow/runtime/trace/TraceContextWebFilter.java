package dev.officeflow.runtime.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * so a refused call shows in the caller's trace too. At debug level each such request is logged
 * when it ends, in its span (the line carries the trace: {@link LogCorrelation}).
 */
public final class TraceContextWebFilter implements WebFilter, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(TraceContextWebFilter.class);

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
    Context traced = parent.with(span);
    return chain
        .filter(exchange)
        .doOnError(error -> span.recordException(error))
        .doFinally(signal -> end(span, traced, method, exchange))
        .contextWrite(HttpTraceContext.with(traced));
  }

  /** Names the span by its route, known only once a handler was mapped, and ends it. */
  private static void end(Span span, Context traced, String method, ServerWebExchange exchange) {
    Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String route = pattern instanceof PathPattern p ? p.getPatternString() : null;
    if (route != null) {
      span.updateName(method + " " + route);
      span.setAttribute("http.route", route);
    }
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status != null) {
      span.setAttribute("http.response.status_code", status.value());
      if (status.is5xxServerError()) {
        span.setStatus(StatusCode.ERROR);
      }
    }
    logServed(traced, method, route, status);
    span.end();
  }

  private static void logServed(
      Context traced, String method, @Nullable String route, @Nullable HttpStatusCode status) {
    if (LOG.isDebugEnabled()) {
      try (Scope ignored = traced.makeCurrent()) {
        LOG.atDebug()
            .setMessage("served traced request")
            .addKeyValue("method", method)
            .addKeyValue("route", route)
            .addKeyValue("status", status == null ? null : status.value())
            .log();
      }
    }
  }
}
