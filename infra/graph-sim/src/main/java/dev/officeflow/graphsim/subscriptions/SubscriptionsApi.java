package dev.officeflow.graphsim.subscriptions;

import dev.officeflow.graphsim.web.GraphCall;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1.0/subscriptions}: create ({@code POST}), list and get ({@code GET}), renew ({@code
 * PATCH}), {@code DELETE}, and {@code POST /{id}/reauthorize}. A delegated caller sees only the
 * subscriptions its app created for its own mailbox, as Graph shows them; anything else is 404.
 * Creating and managing a subscription needs the read scope of its resource.
 */
final class SubscriptionsApi implements Handler {

  static final String PREFIX = "/v1.0/subscriptions";

  private final GraphGuard guard;
  private final SubscriptionStore store;
  private final SubscriptionService service;
  private final Notifications notifications;
  private final Function<String, Optional<String>> emailOf;
  private final Supplier<String> graphUrl;
  private final Clock clock;

  /**
   * @param emailOf an account id's address, so {@code users/{address}/...} names its owner too
   * @param graphUrl Graph's root as clients reach it ({@code <base>v1.0}), for {@code
   *     @odata.context}
   */
  SubscriptionsApi(
      GraphGuard guard,
      SubscriptionStore store,
      SubscriptionService service,
      Notifications notifications,
      Function<String, Optional<String>> emailOf,
      Supplier<String> graphUrl,
      Clock clock) {
    this.guard = guard;
    this.store = store;
    this.service = service;
    this.notifications = notifications;
    this.emailOf = emailOf;
    this.graphUrl = graphUrl;
    this.clock = clock;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    List<String> seg = segments(r.path());
    String verb = r.method().toUpperCase(Locale.ROOT);
    if (seg.isEmpty()) {
      return switch (verb) {
        case "POST" -> guard.call(r, scopeOfBody(r), call -> create(r, call));
        case "GET" -> guard.call(r, "", this::list);
        default -> notAllowed(r);
      };
    }
    String id = seg.get(0);
    String scope = store.get(id).map(s -> s.target().kind().scope()).orElse("");
    if (seg.size() == 2 && seg.get(1).equalsIgnoreCase("reauthorize") && verb.equals("POST")) {
      return guard.call(r, scope, call -> reauthorize(id, call));
    }
    if (seg.size() != 1) {
      return guard.errors().notFound(r);
    }
    return switch (verb) {
      case "GET" -> guard.call(r, scope, call -> ok(owned(id, call)));
      case "PATCH" -> guard.call(r, scope, call -> renew(r, id, call));
      case "DELETE" -> guard.call(r, scope, call -> delete(id, call));
      default -> notAllowed(r);
    };
  }

  private SimResponse create(SimRequest r, GraphCall call) {
    SubscriptionRequest request = SubscriptionRequest.from(json(r));
    String key = request.target().userKey();
    if (key != null && !owns(call.accountId(), key)) {
      throw new GraphException(
          403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
    Subscription created = service.create(call.accountId(), call.clientId(), request);
    return SimResponse.json(201, SubscriptionJson.entity(created, graphUrl.get()));
  }

  private SimResponse list(GraphCall call) {
    List<Subscription> mine =
        store.forAccount(call.accountId()).stream()
            .filter(s -> s.applicationId().equals(call.clientId()))
            .filter(this::stillLive)
            .toList();
    return SimResponse.ok(SubscriptionJson.list(mine, graphUrl.get()));
  }

  private SimResponse renew(SimRequest r, String id, GraphCall call) {
    Subscription current = owned(id, call);
    JsonNode expiration = json(r).get("expirationDateTime");
    if (expiration == null || !expiration.isString() || expiration.asString().isBlank()) {
      throw SubscriptionRequest.invalid("The property 'expirationDateTime' is required.");
    }
    return ok(service.renew(current, expiration.asString()));
  }

  private SimResponse reauthorize(String id, GraphCall call) {
    service.reauthorize(owned(id, call));
    return SimResponse.noContent();
  }

  private SimResponse delete(String id, GraphCall call) {
    store.remove(owned(id, call).id());
    return SimResponse.noContent();
  }

  /** The caller's live subscription {@code id}; Graph's 404 for anyone else's, or a gone one. */
  private Subscription owned(String id, GraphCall call) {
    return store
        .get(id)
        .filter(s -> s.accountId().equals(call.accountId()))
        .filter(s -> s.applicationId().equals(call.clientId()))
        .filter(this::stillLive)
        .orElseThrow(
            () -> new GraphException(404, "ResourceNotFound", "The object was not found."));
  }

  /** An expired subscription found before the sweeper: removed now, as the sweeper would. */
  private boolean stillLive(Subscription s) {
    if (s.expiredAt(clock.instant())) {
      notifications.expire(s);
      return false;
    }
    return true;
  }

  private SimResponse ok(Subscription s) {
    return SimResponse.ok(SubscriptionJson.entity(s, graphUrl.get()));
  }

  private boolean owns(String accountId, String userKey) {
    return userKey.equalsIgnoreCase(accountId)
        || emailOf.apply(accountId).filter(userKey::equalsIgnoreCase).isPresent();
  }

  /**
   * The scope a create needs, read before the guard so a caller without it gets Graph's 403 first;
   * a body too broken to tell is answered 400 once past authentication.
   */
  private static String scopeOfBody(SimRequest r) {
    try {
      JsonNode resource = r.json().get("resource");
      return resource == null || !resource.isString()
          ? ""
          : ResourcePath.parse(resource.asString()).map(o -> o.path().kind().scope()).orElse("");
    } catch (BadRequestException e) {
      return "";
    }
  }

  private static JsonNode json(SimRequest r) {
    try {
      return r.json();
    } catch (BadRequestException e) {
      throw new GraphException(400, "BadRequest", "Unable to read JSON request payload.");
    }
  }

  private SimResponse notAllowed(SimRequest r) {
    return guard
        .errors()
        .error(r, 405, "BadRequest", "The HTTP method '" + r.method() + "' is not allowed here.");
  }

  private static List<String> segments(String path) {
    String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
    return rest.isEmpty()
        ? List.of()
        : Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
  }
}
