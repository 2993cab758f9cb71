package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.simkit.web.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A subscription as Graph's {@code subscription} entity, and lists of them. */
final class SubscriptionJson {

  // Graph writes seven fractional digits: 2016-11-20T18:23:45.9356913Z.
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SubscriptionJson() {}

  static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }

  static ObjectNode entity(Subscription s, String graphUrl) {
    ObjectNode n = Json.object();
    n.put("@odata.context", graphUrl + "/$metadata#subscriptions/$entity");
    return fields(n, s);
  }

  static ObjectNode list(List<Subscription> subscriptions, String graphUrl) {
    ObjectNode n = Json.object();
    n.put("@odata.context", graphUrl + "/$metadata#subscriptions");
    var value = n.putArray("value");
    subscriptions.forEach(s -> value.add(fields(Json.object(), s)));
    return n;
  }

  private static ObjectNode fields(ObjectNode n, Subscription s) {
    n.put("id", s.id())
        .put("resource", s.resource())
        .put("applicationId", s.applicationId())
        .put("changeType", s.changeType())
        .put("clientState", s.clientState())
        .put("notificationUrl", s.notificationUrl())
        .putNull("notificationQueryOptions")
        .put("lifecycleNotificationUrl", s.lifecycleNotificationUrl())
        .put("expirationDateTime", dateTime(s.expiration()))
        .put("creatorId", s.accountId())
        .put("includeResourceData", false)
        .put("latestSupportedTlsVersion", s.latestSupportedTlsVersion())
        .putNull("encryptionCertificate")
        .putNull("encryptionCertificateId")
        .putNull("notificationUrlAppId");
    return n;
  }
}
