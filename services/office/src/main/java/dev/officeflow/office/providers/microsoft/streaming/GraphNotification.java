package dev.officeflow.office.providers.microsoft.streaming;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the office reads of one notification Graph posts: whose subscription it claims to be, the
 * {@code clientState} that proves it, and for a lifecycle notification its event. Nothing else of
 * it is used: the changes themselves are read by delta query, so a notification can at most ask for
 * a round.
 */
record GraphNotification(
    String subscriptionId, @Nullable String clientState, @Nullable String lifecycleEvent) {

  static final String REAUTHORIZATION_REQUIRED = "reauthorizationRequired";
  static final String SUBSCRIPTION_REMOVED = "subscriptionRemoved";
  static final String MISSED = "missed";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The notifications of a {@code changeNotificationCollection} ({@code {"value": [...]}}); those
   * without a subscription id are left out. Fails with {@link IllegalArgumentException} when the
   * body is not such a collection.
   */
  static List<GraphNotification> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode value = root == null ? null : root.get("value");
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("no \"value\" array");
    }
    List<GraphNotification> out = new ArrayList<>();
    for (JsonNode n : value) {
      String id = text(n, "subscriptionId");
      if (id != null) {
        out.add(new GraphNotification(id, text(n, "clientState"), text(n, "lifecycleEvent")));
      }
    }
    return out;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }

  @Override
  public String toString() {
    return "GraphNotification[subscriptionId="
        + subscriptionId
        + ", lifecycleEvent="
        + lifecycleEvent
        + "]";
  }
}
