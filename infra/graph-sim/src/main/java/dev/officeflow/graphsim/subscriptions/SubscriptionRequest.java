package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.web.GraphException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /subscriptions}, checked as Graph checks it; every problem is a {@link
 * GraphException} naming the property.
 */
record SubscriptionRequest(
    String changeType,
    Set<String> changeTypes,
    String notificationUrl,
    @Nullable String lifecycleNotificationUrl,
    String resource,
    ResourcePath.Owned target,
    Instant expiration,
    @Nullable String clientState,
    String latestSupportedTlsVersion) {

  static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
  static final Set<String> TLS_VERSIONS = Set.of("v1_0", "v1_1", "v1_2", "v1_3");
  static final int MAX_CLIENT_STATE = 255;

  static SubscriptionRequest from(JsonNode body) {
    if (!body.isObject()) {
      throw invalid("The request body must be a subscription object.");
    }
    String resource = required(body, "resource");
    ResourcePath.Owned target =
        ResourcePath.parse(resource)
            .orElseThrow(
                () -> invalid("Resource '" + resource + "' is not supported for subscriptions."));
    String changeType = required(body, "changeType");
    String clientState = optional(body, "clientState");
    if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
      throw invalid("clientState may be at most 255 characters long.");
    }
    if (body.path("includeResourceData").asBoolean(false)) {
      throw invalid(
          "includeResourceData is not supported by graph-sim: subscribe without resource data.");
    }
    String lifecycleUrl = optional(body, "lifecycleNotificationUrl");
    return new SubscriptionRequest(
        changeType.strip(),
        changeTypes(changeType),
        url(required(body, "notificationUrl"), "notificationUrl"),
        lifecycleUrl == null ? null : url(lifecycleUrl, "lifecycleNotificationUrl"),
        resource,
        target,
        expiration(required(body, "expirationDateTime")),
        clientState,
        tls(optional(body, "latestSupportedTlsVersion")));
  }

  /** Refuses an expiration in the past or beyond {@code maxLifetime} from {@code now}. */
  static Instant checkLifetime(Instant expiration, Instant now, Duration maxLifetime) {
    if (!expiration.isAfter(now)) {
      throw invalid(
          "Subscription expiration must be in the future: "
              + SubscriptionJson.dateTime(expiration)
              + " is not after "
              + SubscriptionJson.dateTime(now)
              + ".");
    }
    if (expiration.isAfter(now.plus(maxLifetime))) {
      throw new GraphException(
          400,
          "ExtensionError",
          "Subscription expiration can only be "
              + maxLifetime.toMinutes()
              + " minutes in the future.");
    }
    return expiration;
  }

  static Instant expiration(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException notLocal) {
        throw invalid("expirationDateTime '" + text + "' is not an ISO 8601 date and time.");
      }
    }
  }

  private static Set<String> changeTypes(String changeType) {
    Set<String> types = new LinkedHashSet<>();
    for (String t : changeType.split(",")) {
      String type = t.strip().toLowerCase(Locale.ROOT);
      if (!CHANGE_TYPES.contains(type)) {
        throw invalid(
            "changeType '"
                + changeType
                + "' is invalid: use created, updated, deleted or a comma-separated list of them.");
      }
      types.add(type);
    }
    return types;
  }

  private static String url(String value, String property) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return value;
      }
    } catch (java.net.URISyntaxException e) {
      // answered below, with the property named
    }
    throw invalid("Invalid " + property + " '" + value + "': an absolute http(s) URL is required.");
  }

  private static String tls(@Nullable String version) {
    if (version == null) {
      return "v1_2";
    }
    if (!TLS_VERSIONS.contains(version)) {
      throw invalid(
          "latestSupportedTlsVersion '"
              + version
              + "' is invalid: use one of "
              + Arrays.toString(TLS_VERSIONS.stream().sorted().toArray())
              + ".");
    }
    return version;
  }

  static GraphException invalid(String message) {
    return new GraphException(400, "InvalidRequest", message);
  }

  private static String required(JsonNode body, String property) {
    String value = optional(body, property);
    if (value == null || value.isBlank()) {
      throw invalid("The property '" + property + "' is required.");
    }
    return value;
  }

  private static @Nullable String optional(JsonNode body, String property) {
    JsonNode v = body.get(property);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw invalid("The property '" + property + "' must be a string.");
    }
    return v.asString();
  }
}
