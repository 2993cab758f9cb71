package dev.officeflow.runtime.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last resort, in place of Boot's default error page: whatever no controller advice handled (an
 * error in a web filter, a route that does not exist) is answered as a problem too, so that no
 * response of a service has another error shape.
 */
public final class ProblemErrorHandler implements ErrorWebExceptionHandler, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  @Override
  public int getOrder() {
    return -2; // where Boot's DefaultErrorWebExceptionHandler would be: before WebFlux's own
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    return Problems.write(exchange, problem(exchange, ex));
  }

  private static ProblemDetail problem(ServerWebExchange exchange, Throwable ex) {
    if (ex instanceof ApiException api) {
      return Problems.of(api);
    }
    if (ex instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
      ProblemDetail body = response.getBody();
      HttpStatusCode status = response.getStatusCode();
      return Problems.of(status, ProblemCodes.forStatus(status), detail(body, status));
    }
    log.error(
        "{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ProblemCodes.INTERNAL_ERROR,
        "the service failed to answer; the failure is in its log");
  }

  private static String detail(ProblemDetail body, HttpStatusCode status) {
    if (body.getDetail() != null) {
      return body.getDetail();
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "request failed" : known.getReasonPhrase();
  }
}
