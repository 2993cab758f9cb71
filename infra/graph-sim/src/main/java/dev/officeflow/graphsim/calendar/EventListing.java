package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.SimRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists a calendar view (the instances overlapping a window) or the events collection (single
 * events and series masters), ordered by start, {@code $top} per page (default 10, at most 1000),
 * with a keyset {@code $skiptoken} (start, id) that carries the window and {@code $select}.
 */
final class EventListing {

  static final int DEFAULT_TOP = 10;
  static final int MAX_TOP = 1000;

  private record Query(
      @Nullable Window window, Select select, int top, long afterStart, String afterId) {}

  private EventListing() {}

  /** {@code window} null lists {@code /me/events}; otherwise the calendar view of that window. */
  static ObjectNode list(SimRequest r, GraphAccount account, boolean view) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("search", "expand", "count", "filter", "orderby");
    Query query =
        q.option("skiptoken").map(t -> fromToken(t, view)).orElseGet(() -> fromOptions(q, view));
    List<Instance> all =
        instances(account, query.window()).stream()
            .sorted(
                Comparator.comparing((Instance i) -> i.record().start().instant())
                    .thenComparing(Instance::id))
            .filter(i -> after(i, query))
            .toList();
    int skip = q.option("skiptoken").isPresent() ? 0 : q.skip();
    List<Instance> rest = all.subList(Math.min(skip, all.size()), all.size());
    List<Instance> page = rest.subList(0, Math.min(query.top(), rest.size()));
    Prefer prefer = Prefer.of(r);
    EventJson.Zone zone = EventJson.Zone.preferred(prefer.timeZone());
    ObjectNode out = Json.object();
    String what =
        (view ? "calendarView" : "events")
            + (query.select().isAll() ? "" : "(" + query.select().odata() + ")");
    out.put("@odata.context", Links.context(r, account.id(), what));
    ArrayNode values = out.putArray("value");
    page.forEach(
        i ->
            values.add(
                query.select().apply(EventJson.of(i, account.zone(), zone, prefer.textBodies()))));
    if (rest.size() > page.size()) {
      Instance last = page.get(page.size() - 1);
      Map<String, String> link = new LinkedHashMap<>();
      if (query.window() != null) {
        link.put("startDateTime", EventJson.utc(query.window().start()));
        link.put("endDateTime", EventJson.utc(query.window().end()));
      }
      link.put("$skiptoken", token(query, last));
      out.put("@odata.nextLink", Links.link(r, r.path(), link));
    }
    return out;
  }

  static List<Instance> instances(GraphAccount account, @Nullable Window window) {
    List<EventItem> live = account.events().snapshot().live();
    if (window == null) {
      return live.stream().map(Occurrences::master).toList();
    }
    return live.stream()
        .flatMap(
            e ->
                Occurrences.inWindow(account.id(), e, e.record(), window.start(), window.end())
                    .stream())
        .toList();
  }

  private static Query fromOptions(ODataQuery q, boolean view) {
    Select select =
        q.option("select")
            .map(s -> Select.parse(s, EventJson.PROPERTIES, EventJson.TYPE))
            .orElse(Select.ALL);
    return new Query(
        view ? Window.of(q) : null, select, q.top(DEFAULT_TOP, MAX_TOP), Long.MIN_VALUE, "");
  }

  private static String token(Query q, Instance last) {
    Window w = q.window();
    return PageTokens.encode(
        "e1",
        w == null ? "" : Long.toString(w.start().toEpochMilli()),
        w == null ? "" : Long.toString(w.end().toEpochMilli()),
        q.select().odata(),
        Integer.toString(q.top()),
        Long.toString(last.record().start().instant().toEpochMilli()),
        last.id());
  }

  private static Query fromToken(String token, boolean view) {
    try {
      List<String> f = PageTokens.decode(token, 7, "$skiptoken");
      if (!f.get(0).equals("e1") || f.get(1).isEmpty() == view) {
        throw Refusals.badRequest("Invalid $skiptoken for this collection.");
      }
      Window w =
          view
              ? new Window(
                  Instant.ofEpochMilli(Long.parseLong(f.get(1))),
                  Instant.ofEpochMilli(Long.parseLong(f.get(2))))
              : null;
      Select select = Select.parse(f.get(3), EventJson.PROPERTIES, EventJson.TYPE);
      return new Query(w, select, Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)), f.get(6));
    } catch (BadRequestException | NumberFormatException e) {
      throw Refusals.badRequest("Invalid $skiptoken.");
    }
  }

  private static boolean after(Instance i, Query q) {
    long start = i.record().start().instant().toEpochMilli();
    if (start != q.afterStart()) {
      return start > q.afterStart();
    }
    return i.id().compareTo(q.afterId()) > 0;
  }
}
