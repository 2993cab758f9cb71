package dev.officeflow.graphsim.web;

import dev.officeflow.simkit.web.ErrorStyle;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's error body, {@code {"error": {"code", "message", "innerError": {"date", "request-id",
 * "client-request-id"}}}}, with the {@code request-id} and {@code client-request-id} headers Graph
 * sends on every answer (the client's own {@code client-request-id} echoed, else the request id).
 * Also the router's {@link ErrorStyle}. Thread-safe.
 */
public final class GraphErrors implements ErrorStyle {

  /** Graph's {@code innerError.date}: UTC, to the second, without a zone designator. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private static final String VERSION_PREFIX = "/v1.0/";

  private final Clock clock;

  public GraphErrors(Clock clock) {
    this.clock = clock;
  }

  /** A fresh request id, as Graph gives every request. */
  public static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  /** What Graph answers in {@code client-request-id}: the client's own id, else the request id. */
  public static String clientRequestId(SimRequest r, String requestId) {
    return r.header("client-request-id").filter(v -> !v.isBlank()).orElse(requestId);
  }

  /** Adds Graph's {@code request-id} and {@code client-request-id} headers to any answer. */
  public static SimResponse withRequestIds(SimResponse response, SimRequest r, String requestId) {
    return response
        .withHeader("request-id", requestId)
        .withHeader("client-request-id", clientRequestId(r, requestId));
  }

  /** An error answer to {@code r} under a new request id. */
  public SimResponse error(SimRequest r, int status, String code, String message) {
    return error(r, newRequestId(), status, code, message);
  }

  /** An error answer to {@code r} under {@code requestId} (the one its other headers name). */
  public SimResponse error(
      SimRequest r, String requestId, int status, String code, String message) {
    ObjectNode inner =
        Json.object()
            .put("date", DATE.format(LocalDateTime.ofInstant(now(), ZoneOffset.UTC)))
            .put("request-id", requestId)
            .put("client-request-id", clientRequestId(r, requestId));
    ObjectNode error = Json.object().put("code", code).put("message", message);
    error.set("innerError", inner);
    ObjectNode body = Json.object();
    body.set("error", error);
    return withRequestIds(
        new SimResponse(
            status, Map.of("Content-Type", "application/json"), Json.bytes(body), Duration.ZERO),
        r,
        requestId);
  }

  /** A {@link GraphException} as Graph's error body. */
  public SimResponse render(SimRequest r, String requestId, GraphException e) {
    return error(r, requestId, e.status(), e.code(), String.valueOf(e.getMessage()));
  }

  /**
   * Under {@code /v1.0} Graph answers a path it does not know with 400 "Resource not found for the
   * segment '...'"; anything else (another version, a stray path) is the sim's plain 404.
   */
  @Override
  public SimResponse notFound(SimRequest r) {
    if (r.path().startsWith(VERSION_PREFIX)) {
      String segment = r.path().substring(VERSION_PREFIX.length()).split("/", -1)[0];
      return error(r, 400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }
    return error(r, 404, "NotFound", "The requested resource does not exist: " + r.path());
  }

  @Override
  public SimResponse badRequest(SimRequest r, String message, @Nullable String parameter) {
    return error(r, 400, "BadRequest", message);
  }

  @Override
  public SimResponse internal(SimRequest r, Exception e) {
    if (e instanceof GraphException graph) {
      return render(r, newRequestId(), graph);
    }
    return error(r, 500, "generalException", "An unspecified error has occurred.");
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
