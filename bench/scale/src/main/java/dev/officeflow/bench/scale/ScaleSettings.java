package dev.officeflow.bench.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the run script asked for (system properties {@code bench.*}; the run script's header names
 * the environment variables behind them).
 *
 * @param scenarios users per scenario, run one after the other; default 1, 20, 200
 * @param messages messages in each user's 30-day window; default 300
 * @param events calendar events in each user's window; default 50
 * @param projectFactor the project's limits as this many users' worth of Google's per-user
 *     defaults, so that the project budget binds once more users than that are active; default 20
 * @param spread the connects of a scenario are spread evenly over this long; default 10 s
 * @param warmupCount users backfilled before the first scenario, not counted, so the services' JIT
 *     and connections are warm as in production; default 4
 * @param scenarioLimit the longest a scenario may take before the bench gives up on it
 * @param logs where the apps' logs and google-sim's config go
 */
record ScaleSettings(
    List<Integer> scenarios,
    int messages,
    int events,
    int projectFactor,
    Duration spread,
    int warmupCount,
    Duration scenarioLimit,
    Path logs) {

  ScaleSettings {
    scenarios = List.copyOf(scenarios);
    if (scenarios.isEmpty() || scenarios.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("bench.users: positive user counts, e.g. 1,20,200");
    }
  }

  static ScaleSettings fromProperties() {
    return new ScaleSettings(
        Arrays.stream(System.getProperty("bench.users", "1,20,200").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .toList(),
        Integer.getInteger("bench.messages", 300),
        Integer.getInteger("bench.events", 50),
        Integer.getInteger("bench.projectFactor", 20),
        Duration.ofSeconds(Integer.getInteger("bench.spreadSeconds", 10)),
        Integer.getInteger("bench.warmupUsers", 4),
        Duration.ofMinutes(Integer.getInteger("bench.scenarioMinutes", 10)),
        Path.of(System.getProperty("bench.logs", "target/scale-logs")));
  }

  /** Every account google-sim needs: the warm-up users', then each scenario's. */
  List<String> allUsers() {
    List<String> all = new java.util.ArrayList<>(users("warmup", warmupCount));
    for (int s = 0; s < scenarios.size(); s++) {
      all.addAll(scenarioUsers(s));
    }
    return all;
  }

  /** The accounts of scenario {@code index} (0-based): distinct from every other scenario's. */
  List<String> scenarioUsers(int index) {
    return users("s" + (index + 1), scenarios.get(index));
  }

  List<String> warmupUsers() {
    return users("warmup", warmupCount);
  }

  private static List<String> users(String group, int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(i -> "scale-" + group + "-" + i + "@acme.test")
        .toList();
  }
}
