package dev.officeflow.graphsim.calendar;

import dev.officeflow.graphsim.account.EventItem;
import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands events into what a calendar view holds: single events as they are, series into their
 * occurrences (with the kit's RFC 5545 expansion), each with a stable occurrence id.
 */
final class Occurrences {

  /** How far a series is followed when an occurrence is looked up by id. */
  private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

  private Occurrences() {}

  /**
   * The instances of {@code record} (an item's current or previous record) overlapping the window.
   */
  static List<Instance> inWindow(
      String accountId, EventItem item, EventRecord record, Instant start, Instant end) {
    List<Instance> out = new ArrayList<>();
    for (Instance i : all(accountId, item, record, end)) {
      if (i.record().start().instant().isBefore(end) && i.record().end().instant().isAfter(start)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Every instance starting before {@code horizon}: the event itself, or the series' occurrences.
   */
  static List<Instance> all(String accountId, EventItem item, EventRecord record, Instant horizon) {
    if (!record.isRecurring()) {
      return List.of(new Instance(item.id(), "singleInstance", null, record, item));
    }
    List<Instance> out = new ArrayList<>();
    for (EventRecord occurrence : Recurrence.instances(record, horizon)) {
      String id = GraphIds.item(accountId, GraphIds.Kind.OCCURRENCE, occurrence.id());
      out.add(new Instance(id, "occurrence", item.id(), occurrence, item));
    }
    return out;
  }

  /** The event itself as {@code /me/events} shows it: a single instance or a series master. */
  static Instance master(EventItem item) {
    return new Instance(
        item.id(), item.isSeries() ? "seriesMaster" : "singleInstance", null, item.record(), item);
  }

  /** An occurrence of one of {@code items} by its id. */
  static Optional<Instance> occurrence(String accountId, List<EventItem> items, String id) {
    return items.stream()
        .filter(EventItem::isSeries)
        .flatMap(e -> all(accountId, e, e.record(), FAR).stream())
        .filter(i -> i.id().equals(id))
        .findFirst();
  }
}
