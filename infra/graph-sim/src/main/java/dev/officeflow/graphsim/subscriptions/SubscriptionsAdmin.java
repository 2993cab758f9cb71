package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin routes under {@code /admin/subscriptions}:
 *
 * <ul>
 *   <li>{@code GET /admin/subscriptions[?account=email|id]}: the live subscriptions, as Graph's
 *       list ({@code {"value": [...]}}), soonest expiry first;
 *   <li>{@code GET /admin/subscriptions/stats}: {@link SubscriptionStats} as JSON;
 *   <li>{@code GET|POST /admin/subscriptions/settings}: {@link SubscriptionSettingsJson} (absent
 *       keys keep their value; a bad value is 400 and changes nothing);
 *   <li>{@code POST /admin/subscriptions/sweep}: expire and warn now, not at the next tick;
 *   <li>{@code POST /admin/subscriptions/reset}: forget every subscription and count;
 *   <li>{@code GET /admin/subscriptions/{id}}: one subscription;
 *   <li>{@code POST /admin/subscriptions/{id}/expire}: it expires now, silently, as with Graph;
 *   <li>{@code POST /admin/subscriptions/{id}/lifecycle} {@code {"lifecycleEvent": "..."}}: send
 *       {@code reauthorizationRequired}, {@code subscriptionRemoved} (which also removes it) or
 *       {@code missed} → {@code {"status": "ok", "sent": bool}} ({@code false} when it has no
 *       lifecycle URL);
 *   <li>{@code POST /admin/subscriptions/{id}/drop} {@code {"count": n}} (default 1): its next n
 *       change notifications are dropped, then {@code missed} is sent.
 * </ul>
 *
 * Answers {@code {"error": "..."}} with 404 (unknown subscription or route) or 400 (bad body).
 */
final class SubscriptionsAdmin implements Handler {

  static final String PREFIX = "/admin/subscriptions";

  private final GraphSubscriptions subscriptions;
  private final Function<String, Optional<String>> idOf;
  private final Supplier<String> graphUrl;

  SubscriptionsAdmin(
      GraphSubscriptions subscriptions,
      Function<String, Optional<String>> idOf,
      Supplier<String> graphUrl) {
    this.subscriptions = subscriptions;
    this.idOf = idOf;
    this.graphUrl = graphUrl;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    try {
      return route(r);
    } catch (IllegalArgumentException | BadRequestException e) {
      return error(400, e.getMessage());
    }
  }

  private SimResponse route(SimRequest r) {
    List<String> seg = segments(r.path());
    String verb = r.method().toUpperCase(Locale.ROOT);
    String head = seg.isEmpty() ? "" : seg.get(0);
    return switch (verb + " " + head) {
      case "GET " -> list(r);
      case "GET stats" -> SimResponse.ok(Json.MAPPER.valueToTree(subscriptions.stats()));
      case "GET settings" -> settings();
      case "POST settings", "PUT settings" -> {
        JsonNode body = r.json();
        subscriptions.updateSettings(s -> SubscriptionSettingsJson.apply(s, body));
        yield settings();
      }
      case "POST sweep" -> done(subscriptions::sweep);
      case "POST reset" -> done(subscriptions::reset);
      default ->
          seg.isEmpty() ? error(404, "no admin route " + verb + " " + r.path()) : one(r, seg);
    };
  }

  private SimResponse one(SimRequest r, List<String> seg) {
    String id = seg.get(0);
    Optional<Subscription> found = subscriptions.get(id);
    if (found.isEmpty()) {
      return error(404, "no subscription " + id);
    }
    String action = seg.size() > 1 ? seg.get(1) : "";
    return switch (r.method().toUpperCase(Locale.ROOT) + " " + action) {
      case "GET " -> SimResponse.ok(SubscriptionJson.entity(found.get(), graphUrl.get()));
      case "POST expire" -> done(() -> subscriptions.expireNow(id));
      case "POST lifecycle" -> lifecycle(id, r.json());
      case "POST drop" -> {
        subscriptions.dropNext(id, r.json().path("count").asInt(1));
        yield done(() -> {});
      }
      default -> error(404, "no admin route " + r.method() + " " + r.path());
    };
  }

  private SimResponse list(SimRequest r) {
    Optional<String> account = r.query().first("account");
    List<Subscription> shown =
        account.isEmpty()
            ? subscriptions.list()
            : idOf.apply(account.get()).map(subscriptions::forAccount).orElse(List.of());
    return SimResponse.ok(SubscriptionJson.list(shown, graphUrl.get()));
  }

  private SimResponse lifecycle(String id, JsonNode body) {
    String name = Json.text(body, "lifecycleEvent", "");
    LifecycleEvent event =
        LifecycleEvent.of(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "lifecycleEvent must be reauthorizationRequired, subscriptionRemoved or"
                            + " missed, not '"
                            + name
                            + "'"));
    boolean sent = subscriptions.lifecycle(id, event).orElse(false);
    return SimResponse.ok(Json.object().put("status", "ok").put("sent", sent));
  }

  private SimResponse settings() {
    return SimResponse.ok(SubscriptionSettingsJson.tree(subscriptions.settings()));
  }

  private static SimResponse done(Runnable action) {
    action.run();
    return SimResponse.ok(Json.object().put("status", "ok"));
  }

  private static SimResponse error(int status, String message) {
    ObjectNode body = Json.object().put("error", message);
    return SimResponse.json(status, body);
  }

  private static List<String> segments(String path) {
    String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
    return Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
