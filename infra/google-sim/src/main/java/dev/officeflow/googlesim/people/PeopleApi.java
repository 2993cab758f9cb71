package dev.officeflow.googlesim.people;

import dev.officeflow.googlesim.account.Account;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.web.ApiGuard;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes the People API paths the official client builds: {@code GET v1/people/me/connections}
 * ({@code people.connections.list}) and {@code GET v1/otherContacts} ({@code otherContacts.list}),
 * each behind the guard (one People read request of quota each).
 */
public final class PeopleApi implements Handler {

  public static final String CONNECTIONS_PREFIX = "/v1/people";
  public static final String OTHER_CONTACTS_PREFIX = "/v1/otherContacts";
  private static final String SERVICE = "people.googleapis.com";

  /** A People read costs one request of the per-user read quota. */
  private static final int READ_COST = 1;

  private final Accounts accounts;
  private final ApiGuard guard;
  private final Clock clock;
  private final Duration syncTokenLifetime;

  /**
   * @param syncTokenLifetime how long after its full sync a sync token is accepted (Google: 7 days)
   */
  public PeopleApi(Accounts accounts, ApiGuard guard, Clock clock, Duration syncTokenLifetime) {
    this.accounts = accounts;
    this.guard = guard;
    this.clock = clock;
    this.syncTokenLifetime = syncTokenLifetime;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    List<String> seg = List.of(r.path().substring(1).split("/"));
    if (!r.is("GET")) {
      return GoogleErrors.notFound(ApiKind.PEOPLE);
    }
    if (seg.equals(List.of("v1", "otherContacts"))) {
      return list(r, PeopleSource.OTHER_CONTACTS);
    }
    if (seg.size() == 4 && seg.get(1).equals("people") && seg.get(3).equals("connections")) {
      return seg.get(2).equals("me")
          ? list(r, PeopleSource.CONNECTIONS)
          : guard.call(
              r,
              ApiKind.PEOPLE,
              PeopleSource.CONNECTIONS.method(),
              READ_COST,
              c -> {
                throw new BadRequestException(
                    "Resource name must be people/me: only the authenticated user's connections"
                        + " can be listed.",
                    "resourceName");
              });
    }
    return GoogleErrors.notFound(ApiKind.PEOPLE);
  }

  private SimResponse list(SimRequest r, PeopleSource source) {
    return guard.call(r, ApiKind.PEOPLE, source.method(), READ_COST, c -> listFor(c, r, source));
  }

  private SimResponse listFor(Caller caller, SimRequest r, PeopleSource source) {
    if (!caller.hasAny(source.scopes())) {
      return insufficientScopes(source);
    }
    PeopleRequest request = PeopleRequest.parse(source, r.query());
    AddressBook book =
        accounts
            .find(caller.email())
            .map(Account::addressBook)
            .orElseGet(() -> AddressBook.empty(clock));
    PeopleListing.Result result =
        PeopleListing.list(
            book.list(source), request, r.query(), clock.instant(), syncTokenLifetime);
    if (result instanceof PeopleListing.Expired) {
      return expiredSyncToken(source);
    }
    return SimResponse.ok(render((PeopleListing.Page) result, source, request));
  }

  private static ObjectNode render(
      PeopleListing.Page page, PeopleSource source, PeopleRequest request) {
    ObjectNode out = Json.object();
    if (!page.items().isEmpty()) {
      ArrayNode items = out.putArray(source.listField());
      page.items().forEach(p -> items.add(PersonJson.render(p, request.mask())));
    }
    if (page.nextPageToken() != null) {
      out.put("nextPageToken", page.nextPageToken());
    }
    if (page.nextSyncToken() != null) {
      out.put("nextSyncToken", page.nextSyncToken());
    }
    // Google's JSON leaves out zero numbers, as it leaves out empty lists.
    if (page.total() > 0 && source == PeopleSource.CONNECTIONS) {
      out.put("totalPeople", page.total()).put("totalItems", page.total());
    } else if (page.total() > 0) {
      out.put("totalSize", page.total());
    }
    return out;
  }

  /**
   * 400 FAILED_PRECONDITION with an ErrorInfo of reason EXPIRED_SYNC_TOKEN: the status and message
   * Google sends (observed), the reason its reference names for both list methods
   * (https://developers.google.com/people/api/rest/v1/people.connections/list, "Sync tokens expire
   * 7 days after the full sync. A request with an expired sync token will get an error with an
   * google.rpc.ErrorInfo with reason EXPIRED_SYNC_TOKEN").
   */
  static SimResponse expiredSyncToken(PeopleSource source) {
    return GoogleErrors.status(
        400,
        "FAILED_PRECONDITION",
        "Sync token is expired. Clear local cache and retry call without the sync token.",
        GoogleErrors.errorInfo(
            "EXPIRED_SYNC_TOKEN",
            SERVICE,
            Map.of("service", SERVICE, "method", source.rpcMethod())));
  }

  /** 403 PERMISSION_DENIED with ErrorInfo ACCESS_TOKEN_SCOPE_INSUFFICIENT, as Google answers. */
  static SimResponse insufficientScopes(PeopleSource source) {
    return GoogleErrors.status(
            403,
            "PERMISSION_DENIED",
            "Request had insufficient authentication scopes.",
            GoogleErrors.errorInfo(
                "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                "googleapis.com",
                Map.of("service", SERVICE, "method", source.rpcMethod())))
        .withHeader(
            "WWW-Authenticate",
            "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\", scope=\""
                + String.join(" ", source.scopes())
                + "\"");
  }
}
