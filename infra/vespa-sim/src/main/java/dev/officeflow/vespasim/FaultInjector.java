package dev.officeflow.vespasim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Decides which {@code /document/v1} requests fail, with Vespa-like bodies. Thread-safe. */
final class FaultInjector {

  private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.none());
  private final Counters counters;
  private final DoubleSupplier random;

  FaultInjector(Counters counters) {
    this(counters, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param random uniform values in [0, 1), one per decision (tests inject a fixed sequence)
   */
  FaultInjector(Counters counters, DoubleSupplier random) {
    this.counters = counters;
    this.random = random;
  }

  Faults current() {
    return faults.get();
  }

  void set(Faults next) {
    faults.set(next);
  }

  /** The injected failure for this request, if it draws one; the handshake is never faulted. */
  Optional<ApiResponse> maybeFail(ApiRequest request) {
    Faults now = faults.get();
    if (now.errorRate() == 0 || request.flag("dryRun") || random.getAsDouble() >= now.errorRate()) {
      return Optional.empty();
    }
    int pick = (int) (random.getAsDouble() * now.statuses().size());
    int status = now.statuses().get(Math.min(pick, now.statuses().size() - 1));
    counters.faultsInjected.increment();
    return Optional.of(new ApiResponse(status, Json.error(request.rawPath(), message(status))));
  }

  private static String message(int status) {
    return switch (status) {
      case 429 -> "Rejecting execution due to overload: injected by vespa-sim";
      case 503 -> "ReturnCode(BUSY, Service temporarily unavailable: injected by vespa-sim)";
      case 504 -> "Timed out after 180s: injected by vespa-sim";
      case 507 -> "ReturnCode(NO_SPACE, Put operation rejected: injected by vespa-sim)";
      default -> "Fault " + status + " injected by vespa-sim";
    };
  }

  /** Faults from the admin JSON {@code {"error_rate":0.3,"statuses":[429,503],"latency_ms":0}}. */
  static Faults fromJson(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          "Expected a JSON object with error_rate, statuses, latency_ms");
    }
    List<Integer> statuses = new ArrayList<>();
    json.path("statuses").values().forEach(status -> statuses.add(status.asInt()));
    return new Faults(
        json.path("error_rate").asDouble(0), statuses, json.path("latency_ms").asLong(0));
  }

  static ObjectNode toJson(Faults faults) {
    ObjectNode json = Json.object();
    json.put("error_rate", faults.errorRate());
    faults.statuses().forEach(json.putArray("statuses")::add);
    json.put("latency_ms", faults.latencyMs());
    return json;
  }
}
