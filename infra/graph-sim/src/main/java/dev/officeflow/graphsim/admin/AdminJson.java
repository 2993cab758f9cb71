package dev.officeflow.graphsim.admin;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.TokenSet;
import dev.officeflow.graphsim.subscriptions.SubscriptionStats;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.graphsim.web.CallStats;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's and the config file's JSON: settings read with "absent keys keep their value",
 * and the answers. A value of the wrong shape is an {@link IllegalArgumentException} (400).
 */
public final class AdminJson {

  private AdminJson() {}

  /** {@code {"requestsPer10Minutes", "burstRequests", "concurrentRequests", "enabled"}}. */
  public static ThrottleSettings throttling(ThrottleSettings base, JsonNode node) {
    ThrottleSettings out = base;
    if (node.has("requestsPer10Minutes")) {
      out = out.withRequestsPer10Minutes(positive(node, "requestsPer10Minutes"));
    }
    if (node.has("burstRequests")) {
      out = out.withBurstRequests(positive(node, "burstRequests"));
    }
    if (node.has("concurrentRequests")) {
      out = out.withConcurrentRequests(positive(node, "concurrentRequests"));
    }
    if (node.has("enabled")) {
      out = out.withEnabled(bool(node, "enabled"));
    }
    return out;
  }

  public static ObjectNode throttling(ThrottleSettings s) {
    return Json.object()
        .put("requestsPer10Minutes", s.requestsPer10Minutes())
        .put("burstRequests", s.burstRequests())
        .put("concurrentRequests", s.concurrentRequests())
        .put("enabled", s.enabled());
  }

  /** {@code {"errorRate", "statuses", "latencyMs", "seed", "retryAfterSeconds"}}. */
  public static FaultSettings faults(FaultSettings base, JsonNode node) {
    double rate = node.has("errorRate") ? number(node, "errorRate") : base.errorRate();
    List<Integer> statuses = base.statuses();
    if (node.has("statuses")) {
      if (!node.get("statuses").isArray()) {
        throw new IllegalArgumentException("statuses must be an array of HTTP statuses");
      }
      statuses = new ArrayList<>();
      for (JsonNode s : node.get("statuses")) {
        if (!s.isIntegralNumber()) {
          throw new IllegalArgumentException("statuses must be whole numbers: " + s);
        }
        statuses.add(s.asInt());
      }
    }
    Duration latency =
        node.has("latencyMs") ? Duration.ofMillis(whole(node, "latencyMs")) : base.latency();
    long seed = node.has("seed") ? whole(node, "seed") : base.seed();
    Duration retryAfter =
        node.has("retryAfterSeconds")
            ? Duration.ofSeconds(whole(node, "retryAfterSeconds"))
            : base.retryAfter();
    return new FaultSettings(rate, statuses, latency, seed, retryAfter);
  }

  public static ObjectNode faults(FaultSettings s) {
    ObjectNode out = Json.object().put("errorRate", s.errorRate());
    s.statuses().forEach(out.putArray("statuses")::add);
    return out.put("latencyMs", s.latency().toMillis())
        .put("seed", s.seed())
        .put("retryAfterSeconds", s.retryAfter().toSeconds());
  }

  public static ObjectNode account(GraphAccount a) {
    ObjectNode out = Json.object().put("id", a.id());
    out.setAll(a.spec().toJson());
    return out;
  }

  /** The token endpoint's field names, so a client reads both the same way. */
  public static ObjectNode tokens(TokenSet t) {
    ObjectNode out =
        Json.object()
            .put("token_type", "Bearer")
            .put("scope", t.scopeString())
            .put("expires_in", t.expiresIn().toSeconds())
            .put("access_token", t.accessToken());
    if (t.refreshToken() != null) {
      out.put("refresh_token", t.refreshToken());
    }
    if (t.idToken() != null) {
      out.put("id_token", t.idToken());
    }
    return out;
  }

  /** The Graph calls' counters, and the subscriptions' as {@code /admin/subscriptions/stats}. */
  public static ObjectNode stats(CallStats.Snapshot s, SubscriptionStats subscriptions) {
    ObjectNode out = Json.object().put("requests", s.requests());
    ObjectNode byStatus = out.putObject("byStatus");
    s.byStatus().forEach((k, v) -> byStatus.put(Integer.toString(k), v));
    ObjectNode byAccount = out.putObject("byAccount");
    s.byAccount().forEach(byAccount::put);
    ObjectNode throttled = out.putObject("throttled").put("total", s.totalThrottled());
    s.throttled().forEach(throttled::put);
    out.put("faultsInjected", s.faultsInjected());
    return out.set("subscriptions", Json.MAPPER.valueToTree(subscriptions));
  }

  private static int positive(JsonNode node, String field) {
    long v = whole(node, field);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be a positive whole number: " + v);
    }
    return (int) v;
  }

  private static long whole(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException(field + " must be a whole number: " + v);
    }
    return v.asLong();
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number: " + v);
    }
    return v.asDouble();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException(field + " must be true or false: " + v);
    }
    return v.asBoolean();
  }
}
