package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.Snapshot;
import dev.officeflow.graphsim.delta.DeltaEntry;
import dev.officeflow.graphsim.delta.DeltaParams;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.delta.DeltaSource;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /me/calendarView/delta}: the first request names the window ({@code startDateTime}, {@code
 * endDateTime}), which every link of the round and the rounds after it carry. Like Graph it takes
 * no {@code $select}, {@code $filter} or {@code $orderby}. An event that leaves the window (moved)
 * comes back as {@code @removed} with reason {@code changed}; a deleted one with {@code deleted}.
 */
final class CalendarDelta {

  private final DeltaQuery delta;

  CalendarDelta(DeltaQuery delta) {
    this.delta = delta;
  }

  SimResponse serve(SimRequest r, GraphAccount account) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("select", "filter", "orderby", "expand", "search", "skip");
    DeltaParams initial = DeltaParams.NONE;
    if (q.option("skiptoken").isEmpty() && q.option("deltatoken").isEmpty()) {
      Window w = Window.of(q);
      initial =
          DeltaParams.window(
              Long.toString(w.start().toEpochMilli()), Long.toString(w.end().toEpochMilli()), "");
    }
    Prefer prefer = Prefer.of(r);
    EventJson.Zone zone = EventJson.Zone.preferred(prefer.timeZone());
    DeltaQuery.Target target =
        new DeltaQuery.Target(
            account.id(),
            "calendarView",
            "#" + EventJson.TYPE,
            Links.context(r, account.id(), "calendarView"),
            initial);
    return delta.serve(r, target, params -> entries(account, params, zone, prefer.textBodies()));
  }

  private static DeltaSource.Entries entries(
      GraphAccount account, DeltaParams params, EventJson.Zone zone, boolean text) {
    Instant start = Instant.ofEpochMilli(Long.parseLong(params.windowStart()));
    Instant end = Instant.ofEpochMilli(Long.parseLong(params.windowEnd()));
    Snapshot<EventItem> snapshot = account.events().snapshot();
    List<DeltaEntry> out = new ArrayList<>();
    for (EventItem e : snapshot.items()) {
      List<Instance> now = Occurrences.inWindow(account.id(), e, e.record(), start, end);
      if (e.deleted()) {
        now.forEach(i -> out.add(DeltaEntry.removed(i.id(), e.version(), "deleted")));
        continue;
      }
      Set<String> current = new HashSet<>();
      for (Instance i : now) {
        current.add(i.id());
        out.add(
            DeltaEntry.live(
                i.id(), e.version(), () -> EventJson.of(i, account.zone(), zone, text)));
      }
      if (e.previous() != null) {
        Occurrences.inWindow(account.id(), e, e.previous(), start, end).stream()
            .filter(i -> !current.contains(i.id()))
            .forEach(i -> out.add(DeltaEntry.removed(i.id(), e.version(), "changed")));
      }
    }
    return new DeltaSource.Entries(out, snapshot.sequence());
  }
}
