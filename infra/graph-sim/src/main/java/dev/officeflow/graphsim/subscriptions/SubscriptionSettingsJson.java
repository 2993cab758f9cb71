package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SubscriptionSettings} as JSON: the admin route's body and answer, and the {@code
 * "subscriptions"} object of a configuration file. Durations are whole milliseconds ({@code
 * ...Ms}), the lifetime whole minutes; absent keys keep their value.
 */
public final class SubscriptionSettingsJson {

  private SubscriptionSettingsJson() {}

  public static ObjectNode tree(SubscriptionSettings s) {
    return Json.object()
        .put("maxLifetimeMinutes", s.maxLifetime().toMinutes())
        .put("maxPerMailbox", s.maxPerMailbox())
        .put("validationTimeoutMs", s.validationTimeout().toMillis())
        .put("deliveryTimeoutMs", s.deliveryTimeout().toMillis())
        .put("retryInitialMs", s.retryInitial().toMillis())
        .put("retryMaxMs", s.retryMax().toMillis())
        .put("retryWindowMs", s.retryWindow().toMillis())
        .put("reauthorizationLeadMs", s.reauthorizationLead().toMillis())
        .put("sweepIntervalMs", s.sweepInterval().toMillis())
        .put("senderThreads", s.senderThreads())
        .put("queueCapacity", s.queueCapacity());
  }

  /**
   * {@code base} with the keys {@code node} names changed.
   *
   * @throws IllegalArgumentException naming the key, when a value is not a whole number in range
   */
  public static SubscriptionSettings apply(SubscriptionSettings base, JsonNode node) {
    return new SubscriptionSettings(
        duration(node, "maxLifetimeMinutes", base.maxLifetime(), Duration::ofMinutes),
        count(node, "maxPerMailbox", base.maxPerMailbox()),
        millis(node, "validationTimeoutMs", base.validationTimeout()),
        millis(node, "deliveryTimeoutMs", base.deliveryTimeout()),
        millis(node, "retryInitialMs", base.retryInitial()),
        millis(node, "retryMaxMs", base.retryMax()),
        millis(node, "retryWindowMs", base.retryWindow()),
        millis(node, "reauthorizationLeadMs", base.reauthorizationLead()),
        millis(node, "sweepIntervalMs", base.sweepInterval()),
        count(node, "senderThreads", base.senderThreads()),
        count(node, "queueCapacity", base.queueCapacity()));
  }

  private static Duration millis(JsonNode node, String key, Duration fallback) {
    return duration(node, key, fallback, Duration::ofMillis);
  }

  private static Duration duration(
      JsonNode node, String key, Duration fallback, Function<Long, Duration> unit) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToExactIntegral() || v.asLong() < 0) {
      throw new IllegalArgumentException(key + " must be a whole number, not negative: " + v);
    }
    return unit.apply(v.asLong());
  }

  private static int count(JsonNode node, String key, int fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() < 1) {
      throw new IllegalArgumentException(key + " must be a positive whole number: " + v);
    }
    return v.asInt();
  }
}
