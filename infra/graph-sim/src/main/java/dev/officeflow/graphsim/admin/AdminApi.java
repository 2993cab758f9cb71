package dev.officeflow.graphsim.admin;

import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The admin API under {@code /admin} (JSON; see the module README for every route). Routes below
 * {@code /admin/accounts/{email}/} that are not the core's (messages, events, contacts, ...) go to
 * the content handler. Errors are {@code {"error": "..."}}: 404 for an unknown account or route,
 * 400 for a bad value (nothing changed).
 */
public final class AdminApi implements Handler {

  public static final String PREFIX = "/admin";

  private static final Set<String> ACCOUNT_ROUTES =
      Set.of("tokens", "id-token", "revoke-consent", "expire-tokens");

  private final GraphSimAdmin admin;
  private final Handler content;

  /**
   * @param content serves {@code /admin/accounts/{email}/<anything else>}
   */
  public AdminApi(GraphSimAdmin admin, Handler content) {
    this.admin = admin;
    this.content = content;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    try {
      return route(r);
    } catch (NoSuchElementException e) {
      return error(404, e.getMessage());
    } catch (IllegalArgumentException | BadRequestException e) {
      return error(400, e.getMessage());
    }
  }

  private SimResponse route(SimRequest r) {
    List<String> seg =
        Arrays.stream(r.path().substring(PREFIX.length()).split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    String verb = r.method().toUpperCase(Locale.ROOT);
    if (seg.isEmpty()) {
      return error(404, "no admin route " + verb + " " + r.path());
    }
    if (seg.get(0).equals("accounts")) {
      return accounts(verb, seg.subList(1, seg.size()), r);
    }
    return switch (verb + " " + String.join("/", seg)) {
      case "GET health" -> SimResponse.ok(Json.object().put("status", "ok"));
      case "GET stats" -> SimResponse.ok(AdminJson.stats(admin.stats(), admin.subscriptionStats()));
      case "POST reset" -> {
        admin.reset();
        yield SimResponse.ok(Json.object().put("status", "ok"));
      }
      case "GET throttling" -> SimResponse.ok(AdminJson.throttling(admin.throttling()));
      case "POST throttling", "PUT throttling", "PATCH throttling" -> {
        admin.setThrottling(AdminJson.throttling(admin.throttling(), r.json()));
        yield SimResponse.ok(AdminJson.throttling(admin.throttling()));
      }
      case "GET faults" -> SimResponse.ok(AdminJson.faults(admin.faults()));
      case "POST faults", "PUT faults", "PATCH faults" -> faults(r.json());
      default -> error(404, "no admin route " + verb + " " + r.path());
    };
  }

  private SimResponse accounts(String verb, List<String> seg, SimRequest r) {
    if (seg.isEmpty()) {
      return switch (verb) {
        case "GET" -> {
          ArrayNode list = Json.array();
          admin.accounts().forEach(a -> list.add(AdminJson.account(a)));
          yield SimResponse.ok(Json.object().set("accounts", list));
        }
        case "POST" ->
            SimResponse.json(
                201, AdminJson.account(admin.createAccount(AccountSpec.fromJson(r.json()))));
        default -> error(405, verb + " is not allowed on " + r.path());
      };
    }
    String email = seg.get(0);
    if (seg.size() == 1) {
      return switch (verb) {
        case "GET" -> SimResponse.ok(AdminJson.account(admin.account(email)));
        case "PATCH", "POST" -> SimResponse.ok(AdminJson.account(consent(email, r.json())));
        default -> error(405, verb + " is not allowed on " + r.path());
      };
    }
    String action = seg.get(1);
    if (seg.size() > 2 || !ACCOUNT_ROUTES.contains(action)) {
      admin.account(email);
      return content.handle(r);
    }
    if (!verb.equals("POST")) {
      return error(405, verb + " is not allowed on " + r.path());
    }
    JsonNode body = r.json();
    return switch (action) {
      case "tokens" -> SimResponse.ok(AdminJson.tokens(tokens(email, body)));
      case "id-token" ->
          SimResponse.ok(
              Json.object()
                  .put(
                      "id_token",
                      admin.idToken(
                          email,
                          Json.text(body, "audience", "officeflow-local"),
                          Json.text(body, "nonce", null))));
      case "revoke-consent" ->
          SimResponse.ok(Json.object().put("revokedRefreshTokens", admin.revokeConsent(email)));
      default -> SimResponse.ok(Json.object().put("expired", admin.expireAccessTokens(email)));
    };
  }

  private dev.officeflow.graphsim.identity.TokenSet tokens(String email, JsonNode body) {
    String client = Json.text(body, "clientId", null);
    Set<String> scopes =
        body.has("scopes")
            ? scopes(body.get("scopes"))
            : admin.account(email).spec().grantedScopes();
    return client == null
        ? admin.issueTokens(email, scopes)
        : admin.issueTokens(email, client, scopes);
  }

  private GraphAccount consent(String email, JsonNode body) {
    Set<String> scopes = body.has("grantedScopes") ? scopes(body.get("grantedScopes")) : null;
    Boolean deny = null;
    if (body.has("denyConsent")) {
      if (!body.get("denyConsent").isBoolean()) {
        throw new IllegalArgumentException("denyConsent must be true or false");
      }
      deny = body.get("denyConsent").asBoolean();
    }
    return admin.configureConsent(email, scopes, deny);
  }

  /** Scopes as an array, with or without Graph's prefix; an unknown one is a 400. */
  private static Set<String> scopes(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("scopes must be an array of strings");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode s : array) {
      out.add(
          Scopes.normalize(s.asString())
              .orElseThrow(() -> new IllegalArgumentException("unknown scope " + s.asString())));
    }
    return out;
  }

  private SimResponse faults(JsonNode body) {
    FaultSettings next = AdminJson.faults(admin.faults(), body);
    JsonNode failNext = body.path("failNext");
    int count = failNext.path("count").asInt(1);
    int status = failNext.path("status").asInt(503);
    if (failNext.isObject() && !FaultSettings.ALLOWED.contains(status)) {
      throw new IllegalArgumentException("failNext.status must be among " + FaultSettings.ALLOWED);
    }
    admin.setFaults(next);
    if (failNext.isObject()) {
      admin.failNext(count, status);
    }
    return SimResponse.ok(AdminJson.faults(admin.faults()));
  }

  /** The content handler until one is given: every such route is unknown. */
  public static Handler noContentRoutes() {
    return r -> error(404, "no admin route " + r.method() + " " + r.path());
  }

  static SimResponse error(int status, String message) {
    return SimResponse.json(status, Json.object().put("error", message));
  }
}
