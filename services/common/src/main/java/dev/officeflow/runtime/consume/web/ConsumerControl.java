package dev.officeflow.runtime.consume.web;

import dev.officeflow.runtime.OfficeflowRuntimeException;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /internal/consumers} (state and subscriptions), {@code POST .../pause} and {@code POST
 * .../resume} (the same answer once the change is done). Anything else under the path answers a
 * JSON 404 or 405 that says what exists.
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
        .GET(PATH, request -> status())
        .POST(PATH + "/pause", request -> change(runtime::pause))
        .POST(PATH + "/resume", request -> change(runtime::resume))
        .route(RequestPredicates.path(PATH), request -> notAllowed(HttpMethod.GET, usage()))
        .route(RequestPredicates.path(PATH + "/{action}"), this::otherAction)
        .build();
  }

  private Mono<ServerResponse> status() {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(ConsumersView.of(runtime.status()));
  }

  /**
   * Pausing waits for in-flight messages (up to the shutdown timeout) and resuming for the streams
   * to open: both block, so neither runs on the event loop.
   */
  private Mono<ServerResponse> change(Supplier<State> transition) {
    return Mono.fromSupplier(transition)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(state -> status())
        .onErrorResume(
            OfficeflowRuntimeException.class,
            e -> error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage()));
  }

  private Mono<ServerResponse> otherAction(ServerRequest request) {
    String action = request.pathVariable("action");
    if (ACTIONS.contains(action)) {
      return notAllowed(HttpMethod.POST, "use POST " + PATH + "/" + action);
    }
    return error(HttpStatus.NOT_FOUND, "not_found", "no action '" + action + "': " + usage());
  }

  private static String usage() {
    return "GET " + PATH + " reads the state, POST " + PATH + "/pause or /resume changes it";
  }

  private static Mono<ServerResponse> notAllowed(HttpMethod allowed, String message) {
    return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
        .allow(allowed)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(new ErrorView("method_not_allowed", message));
  }

  private static Mono<ServerResponse> error(HttpStatus status, String error, String message) {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(new ErrorView(error, message));
  }

  /** The error shape of the service-credential filter: {@code {"error", "message"}}. */
  record ErrorView(String error, String message) {}
}
