package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.account.ResourceChange;
import dev.officeflow.simkit.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies Graph posts: a {@code changeNotificationCollection} ({@code {"value":[...]}}) holding
 * one change notification (without resource data) or one lifecycle notification.
 */
final class NotificationJson {

  private NotificationJson() {}

  /**
   * {@code resource} as Graph writes it for Outlook items: {@code Users/{id}/Messages/{itemId}}.
   */
  static String itemResource(Subscription s, String itemId) {
    return "Users/" + s.accountId() + "/" + s.target().kind().segment() + "/" + itemId;
  }

  static byte[] change(Subscription s, ResourceChange change, long sequence, String tenantId) {
    String resource = itemResource(s, change.itemId());
    ObjectNode data = Json.object();
    data.put("@odata.type", s.target().kind().odataType())
        .put("@odata.id", resource)
        .put("@odata.etag", etag(change, sequence))
        .put("id", change.itemId());
    ObjectNode n = common(s, tenantId);
    n.put("changeType", change.changeType()).put("resource", resource).set("resourceData", data);
    return wrap(n);
  }

  static byte[] lifecycle(Subscription s, LifecycleEvent event, String tenantId) {
    ObjectNode data = Json.object();
    data.put("@odata.type", "#microsoft.graph.subscription")
        .put("@odata.id", "subscriptions/" + s.id())
        .put("id", s.id());
    ObjectNode n = common(s, tenantId);
    n.put("lifecycleEvent", event.wireName())
        .put("resource", s.resource())
        .set("resourceData", data);
    return wrap(n);
  }

  private static ObjectNode common(Subscription s, String tenantId) {
    ObjectNode n = Json.object();
    n.put("subscriptionId", s.id())
        .put("subscriptionExpirationDateTime", SubscriptionJson.dateTime(s.expiration()))
        .put("tenantId", tenantId);
    if (s.clientState() != null) {
      n.put("clientState", s.clientState());
    }
    return n;
  }

  private static byte[] wrap(ObjectNode notification) {
    ObjectNode body = Json.object();
    body.putArray("value").add(notification);
    return Json.bytes(body);
  }

  /** A weak etag that differs for each change of an item, as an Outlook change key does. */
  private static String etag(ResourceChange change, long sequence) {
    String key = change.itemId() + "/" + sequence;
    String hash = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    return "W/\"" + hash.replace("-", "") + "\"";
  }
}
