package dev.officeflow.googlesim.calendar;

import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.quota.GmailCosts;
import dev.officeflow.googlesim.web.ApiGuard;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes {@code /calendar/v3/...}: {@code calendarList.list} and {@code .get}, {@code events.list},
 * {@code events.get}, {@code events.watch} and {@code channels.stop}, each behind the guard (one
 * Calendar request of quota each).
 */
public final class CalendarApi implements Handler {

  public static final String PREFIX = "/calendar/v3";

  private final Accounts accounts;
  private final ApiGuard guard;
  private final CalendarChannels channels;

  public CalendarApi(Accounts accounts, ApiGuard guard, CalendarChannels channels) {
    this.accounts = accounts;
    this.guard = guard;
    this.channels = channels;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    List<String> seg = Arrays.asList(r.path().substring(PREFIX.length() + 1).split("/"));
    String verb = r.method().toUpperCase(Locale.ROOT);
    if (seg.equals(List.of("channels", "stop")) && verb.equals("POST")) {
      return guard.call(
          r,
          ApiKind.CALENDAR,
          "calendar.channels.stop",
          GmailCosts.CALENDAR_REQUEST,
          c -> channels.stop(r.json()));
    }
    if (seg.size() >= 3 && seg.subList(0, 3).equals(List.of("users", "me", "calendarList"))) {
      return calendarList(r, seg, verb);
    }
    if (seg.size() < 3 || !seg.get(0).equals("calendars") || !seg.get(2).equals("events")) {
      return GoogleErrors.notFound(ApiKind.CALENDAR);
    }
    String calendarId = seg.get(1);
    String tail = seg.size() == 3 ? "" : seg.get(3);
    if (verb.equals("GET") && seg.size() == 3) {
      return call(r, calendarId, "calendar.events.list", store -> list(store, r));
    } else if (verb.equals("POST") && tail.equals("watch") && seg.size() == 4) {
      return call(
          r,
          calendarId,
          "calendar.events.watch",
          store -> channels.watch(store, calendarId, r.json()));
    } else if (verb.equals("GET") && seg.size() == 4) {
      return call(r, calendarId, "calendar.events.get", store -> get(store, tail));
    }
    return GoogleErrors.notFound(ApiKind.CALENDAR);
  }

  /** {@code users/me/calendarList} (list) and {@code users/me/calendarList/{id}} (get). */
  private SimResponse calendarList(SimRequest r, List<String> seg, String verb) {
    if (!verb.equals("GET") || seg.size() > 4) {
      return GoogleErrors.notFound(ApiKind.CALENDAR);
    }
    String method = seg.size() == 3 ? "calendar.calendarList.list" : "calendar.calendarList.get";
    return guard.call(
        r,
        ApiKind.CALENDAR,
        method,
        GmailCosts.CALENDAR_REQUEST,
        caller -> {
          if (!caller.hasAny(CalendarScopes.LIST_READ)) {
            return GoogleErrors.insufficientScopes(ApiKind.CALENDAR);
          }
          return accounts
              .find(caller.email())
              .map(
                  a ->
                      seg.size() == 3
                          ? CalendarList.list(a.calendars(), r.query())
                          : CalendarList.get(a.calendars(), seg.get(3)))
              .orElseGet(() -> GoogleErrors.notFound(ApiKind.CALENDAR));
        });
  }

  private SimResponse call(
      SimRequest r, String calendarId, String method, Function<CalendarStore, SimResponse> action) {
    return guard.call(
        r,
        ApiKind.CALENDAR,
        method,
        GmailCosts.CALENDAR_REQUEST,
        caller -> withCalendar(caller, calendarId, action));
  }

  /**
   * {@code primary}, the caller's own address, or another calendar on the caller's list; any other
   * id is 404 {@code notFound}, as Google answers for a calendar the user cannot see.
   */
  private SimResponse withCalendar(
      Caller caller, String calendarId, Function<CalendarStore, SimResponse> action) {
    if (!caller.hasAny(CalendarScopes.READ)) {
      return GoogleErrors.insufficientScopes(ApiKind.CALENDAR);
    }
    return accounts
        .find(caller.email())
        .flatMap(a -> a.calendars().find(calendarId))
        .map(action)
        .orElseGet(() -> GoogleErrors.notFound(ApiKind.CALENDAR));
  }

  private static SimResponse list(CalendarStore store, SimRequest r) {
    EventListing.Result result = EventListing.list(store, r.query());
    if (result instanceof EventListing.Gone) {
      return GoogleErrors.of(
          ApiKind.CALENDAR,
          410,
          "calendar",
          "fullSyncRequired",
          "Sync token is no longer valid, a full sync is required.",
          "parameter",
          "syncToken");
    }
    EventListing.Page page = (EventListing.Page) result;
    ObjectNode out = Json.object();
    out.put("kind", "calendar#events").put("etag", "\"p" + store.epoch() + "\"");
    out.put("summary", store.spec().summary()).put("description", "");
    Instant updated =
        page.items().stream()
            .map(EventRecord::updated)
            .max(Instant::compareTo)
            .orElse(Instant.EPOCH);
    out.put("updated", EventJson.format(updated));
    out.put("timeZone", store.zone().getId()).put("accessRole", store.spec().accessRole());
    out.putArray("defaultReminders").addObject().put("method", "popup").put("minutes", 10);
    if (page.nextPageToken() != null) {
      out.put("nextPageToken", page.nextPageToken());
    }
    if (page.nextSyncToken() != null) {
      out.put("nextSyncToken", page.nextSyncToken());
    }
    ArrayNode items = out.putArray("items");
    page.items().forEach(e -> items.add(EventJson.render(e, store.id())));
    return SimResponse.ok(out);
  }

  private static SimResponse get(CalendarStore store, String eventId) {
    return store
        .get(eventId)
        .map(e -> SimResponse.ok(EventJson.render(e, store.id())))
        .orElseGet(() -> GoogleErrors.notFound(ApiKind.CALENDAR));
  }
}
