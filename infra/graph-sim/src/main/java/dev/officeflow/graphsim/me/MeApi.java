package dev.officeflow.graphsim.me;

import dev.officeflow.graphsim.identity.Directory;
import dev.officeflow.graphsim.identity.DirectoryUser;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.graphsim.web.GraphCall;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1.0/me} ({@code User.Read}): the signed-in user with the default properties Graph
 * returns, or those named in {@code $select}. Anything else under {@code /v1.0/me} that no other
 * handler serves is Graph's 400 "Resource not found for the segment".
 */
public final class MeApi implements Handler {

  public static final String PREFIX = "/v1.0/me";

  /** The properties {@code GET /me} returns by default, in Graph's order. */
  static final Set<String> PROPERTIES =
      Set.of(
          "businessPhones",
          "displayName",
          "givenName",
          "jobTitle",
          "mail",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "surname",
          "userPrincipalName",
          "id");

  private final GraphGuard guard;
  private final Directory directory;

  public MeApi(GraphGuard guard, Directory directory) {
    this.guard = guard;
    this.directory = directory;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    String rest = r.path().substring(PREFIX.length());
    if (!rest.isEmpty() && !rest.equals("/")) {
      String segment = rest.substring(1).split("/", -1)[0];
      throw new GraphException(
          400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }
    if (!r.is("GET")) {
      throw new GraphException(
          405, "Request_BadRequest", "The HTTP method '" + r.method() + "' is not allowed.");
    }
    return guard.call(r, Scopes.USER_READ, call -> SimResponse.ok(me(r, call)));
  }

  private ObjectNode me(SimRequest r, GraphCall call) {
    DirectoryUser user =
        directory
            .byId(call.accountId())
            .orElseThrow(() -> new GraphException(404, "ResourceNotFound", "User not found."));
    Select select =
        r.query()
            .first("$select")
            .map(raw -> Select.parse(raw, PROPERTIES, "microsoft.graph.user"))
            .orElse(Select.ALL);
    String context =
        Links.graphBase(r)
            + "/$metadata#users"
            + (select.isAll() ? "" : "(" + select.odata() + ")")
            + "/$entity";
    ObjectNode full = Json.object().put("@odata.context", context);
    full.putArray("businessPhones");
    full.put("displayName", user.displayName())
        .put("givenName", givenName(user.displayName()))
        .putNull("jobTitle")
        .put("mail", user.email())
        .putNull("mobilePhone")
        .putNull("officeLocation")
        .putNull("preferredLanguage")
        .put("surname", surname(user.displayName()))
        .put("userPrincipalName", user.email())
        .put("id", user.id());
    return select.isAll() ? full : selected(full, select);
  }

  /** Graph leaves {@code id} out unless selected, unlike Outlook items. */
  private static ObjectNode selected(ObjectNode full, Select select) {
    ObjectNode out = Json.object().set("@odata.context", full.get("@odata.context"));
    select.fields().forEach(f -> out.set(f, full.get(f)));
    return out;
  }

  private static String givenName(String displayName) {
    int space = displayName.indexOf(' ');
    return space < 0 ? displayName : displayName.substring(0, space);
  }

  private static String surname(String displayName) {
    int space = displayName.lastIndexOf(' ');
    return space < 0 ? "" : displayName.substring(space + 1);
  }
}
