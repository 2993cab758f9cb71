package dev.officeflow.bench.pipeline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every service's {@code officeflow_consumer_messages_total} by outcome, summed over its
 * subscriptions, as its {@code /actuator/prometheus} shows it: two readings tell what a scenario
 * made the consumers do ({@code done}, {@code duplicate}, {@code unavailable}, {@code retry}, …).
 *
 * @param byService service → outcome → count; a service that did not answer maps to nothing
 */
record OutcomeCounts(Map<String, Map<String, Long>> byService) {

  /** The four services and their port variables, in the order the drill prints them. */
  static final Map<String, String> SERVICES = services();

  static OutcomeCounts read(SystemUnderTest system) throws InterruptedException {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (var service : SERVICES.entrySet()) {
      try {
        counts.put(service.getKey(), system.outcomes(service.getValue()));
      } catch (IOException e) {
        counts.put(service.getKey(), Map.of());
      }
    }
    return new OutcomeCounts(counts);
  }

  /**
   * What was counted after {@code before}, per service. A service restarted since (any counter went
   * down) starts from zero again, so its counts since the restart are returned whole.
   */
  Map<String, Map<String, Long>> since(OutcomeCounts before) {
    Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
    byService.forEach(
        (service, now) -> {
          Map<String, Long> then = before.byService().getOrDefault(service, Map.of());
          boolean restarted =
              then.entrySet().stream()
                  .anyMatch(e -> now.getOrDefault(e.getKey(), 0L) < e.getValue());
          Map<String, Long> counted = new TreeMap<>();
          now.forEach(
              (outcome, n) -> {
                long d = restarted ? n : n - then.getOrDefault(outcome, 0L);
                if (d > 0) {
                  counted.put(outcome, d);
                }
              });
          delta.put(service, counted);
        });
    return delta;
  }

  private static Map<String, String> services() {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("user", "USER_PORT");
    services.put("office", "OFFICE_PORT");
    services.put("contacts", "CONTACTS_PORT");
    services.put("vespa-loader", "VESPA_LOADER_PORT");
    return java.util.Collections.unmodifiableMap(services);
  }
}
