package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.Accounts;
import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Paths;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1.0/me/calendarView[/delta]} (also under {@code /me/calendar/}) and {@code GET
 * /v1.0/me/events[/{id}]}. Needs {@code Calendars.Read} (or {@code Calendars.ReadWrite});
 * read-only.
 */
public final class CalendarApi implements Handler {

  public static final String CALENDAR_VIEW = Links.VERSION + "/me/calendarView";
  public static final String CALENDAR = Links.VERSION + "/me/calendar";
  public static final String EVENTS = Links.VERSION + "/me/events";

  private final Accounts accounts;
  private final GraphGuard guard;
  private final CalendarDelta delta;

  public CalendarApi(Accounts accounts, GraphGuard guard, DeltaQuery delta) {
    this.accounts = accounts;
    this.guard = guard;
    this.delta = new CalendarDelta(delta);
  }

  @Override
  public SimResponse handle(SimRequest r) {
    return guard.call(r, Scopes.CALENDARS_READ, call -> route(r, accounts.of(call)));
  }

  private SimResponse route(SimRequest r, GraphAccount account) {
    if (!r.is("GET")) {
      throw Refusals.methodNotAllowed(r.method());
    }
    List<String> seg = Paths.underMe(r);
    if (seg.get(0).equals("calendar")) {
      seg = seg.subList(1, seg.size());
      if (seg.isEmpty() || !seg.get(0).equals("calendarView")) {
        throw Refusals.badRequest("Unsupported segment in " + r.path());
      }
    }
    if (seg.get(0).equals("calendarView")) {
      return switch (seg.size()) {
        case 1 -> SimResponse.ok(EventListing.list(r, account, true));
        case 2 -> {
          if (!Paths.isDelta(seg.get(1))) {
            throw Refusals.badRequest("Unsupported segment in " + r.path());
          }
          yield delta.serve(r, account);
        }
        default -> throw Refusals.badRequest("Unsupported segment in " + r.path());
      };
    }
    return switch (seg.size()) {
      case 1 -> SimResponse.ok(EventListing.list(r, account, false));
      case 2 -> event(r, account, seg.get(1));
      default -> throw Refusals.badRequest("Unsupported segment in " + r.path());
    };
  }

  private static SimResponse event(SimRequest r, GraphAccount account, String id) {
    if (!Paths.looksLikeId(id)) {
      throw Refusals.malformedId();
    }
    Select select =
        ODataQuery.of(r)
            .option("select")
            .map(s -> Select.parse(s, EventJson.PROPERTIES, EventJson.TYPE))
            .orElse(Select.ALL);
    Optional<Instance> found = account.events().live(id).map(Occurrences::master);
    if (found.isEmpty()) {
      List<EventItem> live = account.events().snapshot().live();
      found = Occurrences.occurrence(account.id(), live, id);
    }
    Instance instance = found.orElseThrow(Refusals::itemNotFound);
    Prefer prefer = Prefer.of(r);
    ObjectNode o =
        select.apply(
            EventJson.of(
                instance,
                account.zone(),
                EventJson.Zone.preferred(prefer.timeZone()),
                prefer.textBodies()));
    o.put("@odata.context", Links.context(r, account.id(), "events/$entity"));
    return SimResponse.ok(o);
  }
}
