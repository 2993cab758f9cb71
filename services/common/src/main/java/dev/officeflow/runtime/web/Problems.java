package dev.officeflow.runtime.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds problem details with their code and writes them where no message writer is at hand (web
 * filters, security entry points, the last-resort error handler). Controllers throw {@link
 * ApiException} instead and let {@link ProblemAdvice} render it.
 */
public final class Problems {

  /** A mapper of its own: a service's naming strategy must not rename the standard members. */
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemCodes.type(code));
    problem.setProperty("code", code);
    return problem;
  }

  public static ProblemDetail of(ApiException e) {
    ProblemDetail problem = of(e.status(), e.code(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return problem;
  }

  /** Adds the shared members to a problem someone else built (Spring's own, for instance). */
  public static ProblemDetail complete(ProblemDetail problem, ServerWebExchange exchange) {
    Map<String, Object> properties = problem.getProperties();
    if (properties == null || !properties.containsKey("code")) {
      String code = ProblemCodes.forStatus(HttpStatusCode.valueOf(problem.getStatus()));
      problem.setProperty("code", code);
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(ProblemCodes.type(code));
      }
    }
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    }
    return problem;
  }

  /** Writes {@code problem} as the response, {@code application/problem+json}. */
  public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    complete(problem, exchange);
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = JSON.writeValueAsBytes(problem);
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }
}
