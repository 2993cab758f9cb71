package dev.officeflow.vespasim;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sim's own endpoints: {@code GET /sim/stats}, {@code POST /sim/reset}, {@code POST /sim/gc}
 * ({@code ?now=<epoch seconds>}, default the current time) and {@code GET|POST /sim/faults}.
 */
final class AdminApi {

  static final String PREFIX = "/sim/";

  private final Supplier<SimStats> stats;
  private final Runnable reset;
  private final ToIntFunction<Instant> collectGarbage;
  private final FaultInjector faults;

  AdminApi(
      Supplier<SimStats> stats,
      Runnable reset,
      ToIntFunction<Instant> collectGarbage,
      FaultInjector faults) {
    this.stats = stats;
    this.reset = reset;
    this.collectGarbage = collectGarbage;
    this.faults = faults;
  }

  ApiResponse handle(ApiRequest request) {
    String route = request.method() + " " + request.rawPath().replaceAll("/+$", "");
    try {
      return switch (route) {
        case "GET /sim/stats" -> ApiResponse.ok(Json.MAPPER.valueToTree(stats.get()));
        case "POST /sim/reset" -> reset();
        case "POST /sim/gc" -> collectGarbage(request);
        case "GET /sim/faults" -> ApiResponse.ok(FaultInjector.toJson(faults.current()));
        case "POST /sim/faults" -> setFaults(request.body());
        default -> new ApiResponse(404, Json.error(request.rawPath(), "No such sim endpoint"));
      };
    } catch (IllegalArgumentException e) {
      return new ApiResponse(400, Json.error(request.rawPath(), e.getMessage()));
    }
  }

  private ApiResponse reset() {
    reset.run();
    return ApiResponse.ok(Json.MAPPER.valueToTree(stats.get()));
  }

  private ApiResponse collectGarbage(ApiRequest request) {
    Instant now =
        request.param("now").map(Long::parseLong).map(Instant::ofEpochSecond).orElse(Instant.now());
    ObjectNode body = Json.object();
    body.put("removed", collectGarbage.applyAsInt(now));
    return ApiResponse.ok(body);
  }

  private ApiResponse setFaults(String body) {
    Faults next = FaultInjector.fromJson(Json.parse(body.isBlank() ? "{}" : body));
    faults.set(next);
    return ApiResponse.ok(FaultInjector.toJson(next));
  }
}
