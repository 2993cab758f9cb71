package dev.officeflow.bench.scale;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * google-sim's counters ({@code GET /sim/stats}) of one scenario: the difference of two snapshots,
 * restricted to the scenario's users. Read generically, as numeric leaves by path, so counters the
 * sim adds (quota errors by budget) are reported without the bench knowing their names: a path
 * segment that is a user's address becomes {@code <user>}, summed over the scenario's users.
 */
final class SimCounters {

  private static final String USER = "<user>";

  private final Map<String, Long> values;

  private SimCounters(Map<String, Long> values) {
    this.values = Map.copyOf(values);
  }

  /** {@code after − before}, for the paths that name no user or one of {@code users}. */
  static SimCounters between(JsonNode before, JsonNode after, Set<String> users) {
    Map<String, Long> start = new HashMap<>();
    flatten(before, "", users, start);
    Map<String, Long> end = new HashMap<>();
    flatten(after, "", users, end);
    Map<String, Long> delta = new TreeMap<>();
    end.forEach((path, value) -> delta.put(path, value - start.getOrDefault(path, 0L)));
    return new SimCounters(delta);
  }

  /** What each of {@code users} was charged under the per-user map {@code field}. */
  static Map<String, Long> perUser(
      JsonNode before, JsonNode after, String field, Set<String> users) {
    Map<String, Long> charged = new HashMap<>();
    for (String user : users) {
      long delta = after.path(field).path(user).asLong(0) - before.path(field).path(user).asLong(0);
      charged.put(user, delta);
    }
    return charged;
  }

  private static void flatten(
      JsonNode node, String path, Set<String> users, Map<String, Long> out) {
    if (node.isNumber()) {
      out.merge(path, node.asLong(), Long::sum);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (var field : node.properties()) {
      String segment = field.getKey();
      if (segment.contains("@")) {
        if (!users.contains(segment)) {
          continue;
        }
        segment = USER;
      }
      flatten(field.getValue(), path.isEmpty() ? segment : path + "/" + segment, users, out);
    }
  }

  /** Every counter whose path mentions quota (refusals, by user or by budget). */
  Map<String, Long> quotaCounters() {
    Map<String, Long> quota = new TreeMap<>();
    values.forEach(
        (path, value) -> {
          if (path.toLowerCase(Locale.ROOT).contains("quota")) {
            quota.put(path, value);
          }
        });
    return quota;
  }

  /** Refusals summed over every quota counter named per user ({@code quotaErrors/<user>}). */
  long quotaErrors() {
    return values.getOrDefault("quotaErrors/" + USER, 0L);
  }
}
