package dev.officeflow.runtime.consume.web;

import dev.officeflow.runtime.OfficeflowRuntimeException;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerStatus;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.consume.SubscriptionStatus;
import dev.officeflow.runtime.web.ProblemCodes;
import dev.officeflow.runtime.web.Problems;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /internal/consumers} (state and subscriptions; {@code ?subscription=} for one), {@code
 * POST .../pause} and {@code POST .../resume} (the same answer once the change is done). Anything
 * else under the path answers a problem (404 or 405) that says what exists.
 */
final class ConsumerControl {

  static final String PATH = "/internal/consumers";
  private static final Set<String> ACTIONS = Set.of("pause", "resume");

  private final ConsumerRuntime runtime;

  ConsumerControl(ConsumerRuntime runtime) {
    this.runtime = runtime;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(PATH, this::read)
        .POST(PATH + "/pause", request -> change(request, runtime::pause))
        .POST(PATH + "/resume", request -> change(request, runtime::resume))
        .route(
            RequestPredicates.path(PATH), request -> notAllowed(request, HttpMethod.GET, usage()))
        .route(RequestPredicates.path(PATH + "/{action}"), this::otherAction)
        .build();
  }

  private Mono<ServerResponse> status() {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ConsumersView.of(runtime.status()));
  }

  /** The whole state, or with {@code ?subscription=} that one subscription's (an unknown → 400). */
  private Mono<ServerResponse> read(ServerRequest request) {
    Optional<String> wanted = request.queryParam("subscription");
    if (wanted.isEmpty()) {
      return status();
    }
    ConsumerStatus status = runtime.status();
    List<SubscriptionStatus> matching =
        status.subscriptions().stream().filter(s -> s.subscription().equals(wanted.get())).toList();
    if (matching.isEmpty()) {
      List<String> known =
          status.subscriptions().stream().map(SubscriptionStatus::subscription).toList();
      return error(
          request,
          HttpStatus.BAD_REQUEST,
          ProblemCodes.INVALID_REQUEST,
          "no subscription '" + wanted.get() + "' here; known: " + String.join(", ", known));
    }
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ConsumersView.of(new ConsumerStatus(status.state(), matching)));
  }

  /**
   * Pausing waits for in-flight messages (up to the shutdown timeout) and resuming for the streams
   * to open: both block, so neither runs on the event loop.
   */
  private Mono<ServerResponse> change(ServerRequest request, Supplier<State> transition) {
    return Mono.fromSupplier(transition)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(state -> status())
        .onErrorResume(
            OfficeflowRuntimeException.class,
            e ->
                error(
                    request,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemCodes.UNAVAILABLE,
                    e.getMessage()));
  }

  private Mono<ServerResponse> otherAction(ServerRequest request) {
    String action = request.pathVariable("action");
    if (ACTIONS.contains(action)) {
      return notAllowed(request, HttpMethod.POST, "use POST " + PATH + "/" + action);
    }
    return error(
        request,
        HttpStatus.NOT_FOUND,
        ProblemCodes.NOT_FOUND,
        "no action '" + action + "': " + usage());
  }

  private static String usage() {
    return "GET "
        + PATH
        + "[?subscription=<name>] reads the state, POST "
        + PATH
        + "/pause or /resume changes it";
  }

  private static Mono<ServerResponse> notAllowed(
      ServerRequest request, HttpMethod allowed, String detail) {
    return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
        .allow(allowed)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(
            problem(
                request, HttpStatus.METHOD_NOT_ALLOWED, ProblemCodes.METHOD_NOT_ALLOWED, detail));
  }

  private static Mono<ServerResponse> error(
      ServerRequest request, HttpStatus status, String code, String detail) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem(request, status, code, detail));
  }

  private static ProblemDetail problem(
      ServerRequest request, HttpStatus status, String code, String detail) {
    ProblemDetail problem = Problems.of(status, code, detail);
    problem.setInstance(URI.create(request.path()));
    return problem;
  }
}
