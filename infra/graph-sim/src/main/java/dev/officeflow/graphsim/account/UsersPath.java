package dev.officeflow.graphsim.account;

import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1.0/users/{id | userPrincipalName}/<resource>}: the same resources as {@code /me/...},
 * for the signed-in user only. The request is served as its {@code /me} form, marked with the user
 * it named; {@link Accounts#of} then refuses it (403 {@code ErrorAccessDenied}) when that is not
 * the token's user, as Graph refuses delegated access to another mailbox.
 */
public final class UsersPath implements Handler {

  public static final String PREFIX = Links.VERSION + "/users";

  /** Carries the user the path named to {@link Accounts#of}. */
  static final String TARGET = "x-graph-sim-user";

  private final Router router;

  public UsersPath(Router router) {
    this.router = router;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    String rest = r.path().substring(PREFIX.length());
    int slash = rest.indexOf('/', 1);
    if (!rest.startsWith("/") || slash < 0 || slash == rest.length() - 1) {
      throw new GraphException(
          400,
          "BadRequest",
          "The simulator serves /users/{id} only for the resources below it (messages,"
              + " mailFolders, calendarView, calendar, events, contacts).");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
    headers.put(TARGET, List.of(rest.substring(1, slash)));
    String path = Links.VERSION + "/me" + rest.substring(slash);
    return router.dispatch(new SimRequest(r.method(), path, r.query(), headers, r.body()));
  }
}
