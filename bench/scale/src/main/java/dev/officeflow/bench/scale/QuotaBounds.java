package dev.officeflow.bench.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The least time a scenario could take under google-sim's quotas, from the same token-bucket math
 * the sim enforces ({@code QuotaSettings.minimumTime}: spending {@code T} from a full bucket of
 * capacity {@code C = rate × burst} takes {@code max(0, T − C) / rate}), for what the scenario was
 * actually charged. Two kinds of budget bound it, per API:
 *
 * <ul>
 *   <li>the project's: every user's charges together, from the first connect;
 *   <li>each user's own: the user cannot start before connecting, so the last user to finish takes
 *       at least {@code connect offset + max(0, T_u − C) / rate} after the first connect.
 * </ul>
 *
 * The larger of these binds; efficiency is that bound ÷ the measured time (first connect → last job
 * finished). A project limit the sim does not report (one that does not enforce it yet) bounds
 * nothing.
 */
final class QuotaBounds {

  /** One API's quota: its per-user and project limit keys and its per-user charges in stats. */
  record Api(String name, String perUserKey, String projectKey, String chargedKey) {}

  static final List<Api> APIS =
      List.of(
          new Api("gmail", "gmailUnitsPerMinute", "projectGmailUnitsPerMinute", "gmailUnits"),
          new Api(
              "calendar",
              "calendarRequestsPerMinute",
              "projectCalendarRequestsPerMinute",
              "calendarRequests"),
          new Api(
              "people",
              "peopleRequestsPerMinute",
              "projectPeopleRequestsPerMinute",
              "peopleRequests"));

  /** A bound: which budget, and the least seconds it allows. */
  record Bound(String budget, double seconds) {}

  private QuotaBounds() {}

  /** The least time to spend {@code total} from a full bucket of {@code perMinute}. */
  static double minimumSeconds(double total, double perMinute, double burstSeconds) {
    double rate = perMinute / 60.0;
    return Math.max(0, total - rate * burstSeconds) / rate;
  }

  /**
   * Every bound of the scenario, the binding one first.
   *
   * @param quota google-sim's {@code GET /sim/quota}
   * @param charged per API name, what each of the scenario's users was charged
   * @param connects each user's connect time
   */
  static List<Bound> bounds(
      JsonNode quota, Map<String, Map<String, Long>> charged, Map<String, Instant> connects) {
    double burst = quota.path("burstSeconds").asDouble(10);
    Instant first = connects.values().stream().min(Comparator.naturalOrder()).orElseThrow();
    List<Bound> bounds = new ArrayList<>();
    for (Api api : APIS) {
      Map<String, Long> perUser = charged.getOrDefault(api.name(), Map.of());
      long total = perUser.values().stream().mapToLong(Long::longValue).sum();
      double userLimit = quota.path(api.perUserKey()).asDouble(0);
      if (total == 0) {
        continue; // an API nobody was charged for bounds nothing
      }
      if (userLimit > 0) {
        double worst = 0;
        for (var user : connects.entrySet()) {
          long units = perUser.getOrDefault(user.getKey(), 0L);
          if (units > 0) {
            double offset = Duration.between(first, user.getValue()).toNanos() / 1e9;
            worst = Math.max(worst, offset + minimumSeconds(units, userLimit, burst));
          }
        }
        bounds.add(new Bound("per-user " + api.name(), worst));
      }
      projectLimit(quota, api)
          .ifPresent(
              limit ->
                  bounds.add(
                      new Bound("project " + api.name(), minimumSeconds(total, limit, burst))));
    }
    bounds.sort(Comparator.comparingDouble(Bound::seconds).reversed());
    return bounds;
  }

  /** The project limit google-sim reports for {@code api}; empty when it has none. */
  static Optional<Double> projectLimit(JsonNode quota, Api api) {
    double limit = quota.path(api.projectKey()).asDouble(0);
    return limit > 0 ? Optional.of(limit) : Optional.empty();
  }
}
