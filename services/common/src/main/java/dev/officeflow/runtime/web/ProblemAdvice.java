package dev.officeflow.runtime.web;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Renders every error of a controller as a problem: an {@link ApiException} with its own code,
 * Spring's web exceptions (unreadable body, wrong method, missing parameter...) with the shared
 * code of their status, anything else as {@code internal_error} without its message (which is
 * logged).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ApiException.class)
  Mono<ResponseEntity<ProblemDetail>> api(ApiException e, ServerWebExchange exchange) {
    return Mono.just(respond(Problems.of(e), exchange));
  }

  @ExceptionHandler(Exception.class)
  Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e, ServerWebExchange exchange) {
    log.error(
        "{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
    ProblemDetail problem =
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            ProblemCodes.INTERNAL_ERROR,
            "the service failed to answer; the failure is in its log");
    return Mono.just(respond(problem, exchange));
  }

  /** Spring's own web exceptions: their problem, completed with the shared members. */
  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      @Nullable HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem =
        body instanceof ProblemDetail given
            ? given
            : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
    if (ex instanceof ServerWebInputException input && input.getCause() != null) {
      problem.setDetail(inputDetail(input));
    }
    Problems.complete(problem, exchange);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (headers != null) {
      response.headers(headers);
    }
    return Mono.just(response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, ServerWebExchange exchange) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.complete(problem, exchange));
  }

  /**
   * The reason, what was wrong and, for JSON, where: {@code "Failed to read HTTP message: Cannot
   * deserialize value of type `int` from String "many" (at times)"}.
   */
  private static String inputDetail(ServerWebInputException e) {
    String reason = e.getReason() == null ? "unreadable request" : e.getReason();
    Throwable cause = e.getMostSpecificCause();
    String message =
        cause instanceof JacksonException json ? json.getOriginalMessage() : cause.getMessage();
    if (message == null || message.isBlank()) {
      return reason;
    }
    int end = message.indexOf('\n');
    String detail = reason + ": " + (end < 0 ? message : message.substring(0, end));
    return cause instanceof JacksonException json && !json.getPath().isEmpty()
        ? detail + " (at " + jsonPath(json) + ")"
        : detail;
  }

  private static String jsonPath(JacksonException e) {
    return e.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
