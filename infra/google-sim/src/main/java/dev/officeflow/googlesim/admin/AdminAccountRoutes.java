package dev.officeflow.googlesim.admin;

import dev.officeflow.googlesim.oauth.IdTokenRequest;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /sim/accounts/...} routes: accounts, tokens, mail, event and contact changes, forced
 * expiries.
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
              201,
              Json.object()
                  .put(
                      "id",
                      admin.addEvent(
                          email, Json.text(body, "calendarId", "primary"), AdminJson.event(body))));
      case "PATCH events/3", "POST events/3" -> updateEvent(email, seg.get(2), r, body);
      case "POST events/4:cancel" -> cancelEvent(email, seg.get(2), r, body);
      case "GET calendars/2" -> SimResponse.ok(AdminJson.tree(admin.calendars(email)));
      case "GET contacts/2" -> contacts(email);
      case "POST contacts/2" -> addContact(email, body);
      case "PATCH contacts/3", "POST contacts/3" ->
          person(admin.people().updateContact(email, seg.get(2), AdminJson.contactUpdate(body)));
      case "DELETE contacts/3" -> person(admin.people().deleteContact(email, seg.get(2)));
      case "POST expire-people-sync-tokens/2" ->
          AdminApi.done(() -> admin.people().expireSyncTokens(email));
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

  /**
   * The calendar is {@code calendarId} (query or body) if given, else whichever holds the event.
   */
  private SimResponse updateEvent(String email, String eventId, SimRequest r, JsonNode body) {
    EventUpdate update = AdminJson.eventUpdate(body);
    String calendarId = calendarId(r, body);
    return event(
        calendarId.isEmpty()
            ? admin.updateEvent(email, eventId, update).id()
            : admin.updateEvent(email, calendarId, eventId, update).id());
  }

  private SimResponse cancelEvent(String email, String eventId, SimRequest r, JsonNode body) {
    String calendarId = calendarId(r, body);
    return event(
        calendarId.isEmpty()
            ? admin.cancelEvent(email, eventId).id()
            : admin.cancelEvent(email, calendarId, eventId).id());
  }

  private static String calendarId(SimRequest r, JsonNode body) {
    return r.query().first("calendarId").orElse(Json.text(body, "calendarId", ""));
  }

  /** {@code {givenName, familyName, emails[], phones[], organization, title, other}}. */
  private SimResponse addContact(String email, JsonNode body) {
    NewContact contact = AdminJson.contact(body);
    String name =
        body.path("other").asBoolean(false)
            ? admin.people().addOtherContact(email, contact)
            : admin.people().addContact(email, contact);
    return SimResponse.json(201, Json.object().put("resourceName", name));
  }

  private SimResponse contacts(String email) {
    ObjectNode out = Json.object();
    out.set("contacts", AdminJson.tree(admin.people().contacts(email)));
    out.set("otherContacts", AdminJson.tree(admin.people().otherContacts(email)));
    return SimResponse.ok(out);
  }

  private static SimResponse person(PersonRecord p) {
    return SimResponse.ok(Json.object().put("resourceName", p.resourceName()));
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
