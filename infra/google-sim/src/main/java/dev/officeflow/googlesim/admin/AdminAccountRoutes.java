package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.oauth.IdTokenRequest;
import dev.officeflow.googlesim.web.Json;
import dev.officeflow.googlesim.web.SimRequest;
import dev.officeflow.googlesim.web.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /sim/accounts/...} routes: accounts, tokens, mail and event changes, forced expiries.
 */
final class AdminAccountRoutes {

  /** The audience of an admin-minted ID token when none is given: the local OAuth client. */
  static final String DEFAULT_AUDIENCE = "officeflow-local";

  private final SimAdmin admin;
  private final Clock clock;

  AdminAccountRoutes(SimAdmin admin, Clock clock) {
    this.admin = admin;
    this.clock = clock;
  }

  SimResponse route(String verb, List<String> seg, SimRequest r) {
    JsonNode body = r.json();
    if (seg.isEmpty() || seg.get(0).isEmpty()) {
      return verb.equals("POST")
          ? SimResponse.json(201, AdminJson.tree(admin.createAccount(AdminJson.account(body))))
          : SimResponse.ok(AdminJson.tree(admin.accounts()));
    }
    String email = seg.get(0);
    String action = seg.size() == 1 ? "" : seg.get(1);
    String last = seg.get(seg.size() - 1);
    String key = verb + " " + action + "/" + seg.size() + (seg.size() == 4 ? ":" + last : "");
    return switch (key) {
      case "GET /1" -> SimResponse.ok(AdminJson.tree(admin.account(email)));
      case "PATCH /1", "POST config/2" ->
          SimResponse.ok(
              AdminJson.tree(admin.configureAccount(email, s -> AdminJson.settings(s, body))));
      case "POST tokens/2" -> tokens(email, body);
      case "POST id-token/2" -> idToken(email, body);
      case "POST messages/2" ->
          SimResponse.json(201, AdminJson.tree(admin.addMessage(email, AdminJson.message(body))));
      case "POST messages/4:labels" -> labels(email, seg.get(2), body);
      case "DELETE messages/3" -> history(admin.deleteMessage(email, seg.get(2)));
      case "POST events/2" ->
          SimResponse.json(
              201, Json.object().put("id", admin.addEvent(email, AdminJson.event(body))));
      case "PATCH events/3", "POST events/3" ->
          event(admin.updateEvent(email, seg.get(2), AdminJson.eventUpdate(body)).id());
      case "POST events/4:cancel" -> event(admin.cancelEvent(email, seg.get(2)).id());
      case "GET streaming/2" -> SimResponse.ok(AdminJson.tree(admin.streaming(email)));
      case "GET closest-contacts/2" ->
          SimResponse.ok(
              AdminJson.ranks(admin.closestContacts(email, r.query().integer("n").orElse(20))));
      case "POST expire-tokens/2" ->
          SimResponse.ok(Json.object().put("expired", admin.expireAccessTokens(email)));
      case "POST expire-history/2" -> AdminApi.done(() -> admin.expireHistory(email));
      case "POST invalidate-sync-tokens/2" ->
          AdminApi.done(() -> admin.invalidateSyncTokens(email));
      default -> AdminApi.error(404, "no admin route " + verb + " " + r.path());
    };
  }

  private SimResponse tokens(String email, JsonNode body) {
    Set<String> scopes = AdminJson.strings(body.path("scopes"));
    var grant = scopes.isEmpty() ? admin.issueTokens(email) : admin.issueTokens(email, scopes);
    return SimResponse.ok(AdminJson.token(grant, clock.instant()));
  }

  /** {@code {"audience", "nonce", "emailVerified", "lifetimeSeconds"}}, each optional. */
  private SimResponse idToken(String email, JsonNode body) {
    IdTokenRequest request =
        IdTokenRequest.forClient(Json.text(body, "audience", DEFAULT_AUDIENCE))
            .withNonce(body.hasNonNull("nonce") ? body.get("nonce").asString() : null)
            .withEmailVerified(body.path("emailVerified").asBoolean(true));
    if (body.has("lifetimeSeconds")) {
      request = request.withLifetime(Duration.ofSeconds(body.get("lifetimeSeconds").asLong()));
    }
    return SimResponse.ok(
        Json.object()
            .put("id_token", admin.issueIdToken(email, request))
            .put("expires_in", request.lifetime().toSeconds()));
  }

  private SimResponse labels(String email, String messageId, JsonNode body) {
    List<String> add = List.copyOf(AdminJson.strings(body.path("add")));
    List<String> remove = List.copyOf(AdminJson.strings(body.path("remove")));
    return history(admin.modifyLabels(email, messageId, add, remove));
  }

  private static SimResponse history(long historyId) {
    return SimResponse.ok(Json.object().put("historyId", historyId));
  }

  private static SimResponse event(String id) {
    return SimResponse.ok(Json.object().put("id", id));
  }
}
