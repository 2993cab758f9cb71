package dev.officeflow.googlesim.calendar;

import dev.officeflow.simkit.calendar.EventRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One calendar of an account (its primary or a secondary one). Each change stamps the event with
 * the next change number, which is what sync tokens remember; invalidating sync tokens starts a new
 * epoch so every older token gets 410. Listeners hear about changes after the lock is released.
 * Thread-safe.
 */
public final class CalendarStore {

  /** An event with the change number of its last change. */
  public record Entry(EventRecord event, long changeNumber) {}

  /** The state a listing starts from: every entry, the change number and the epoch. */
  public record Snapshot(List<Entry> entries, long changeNumber, long epoch) {}

  private final CalendarSpec spec;
  private final boolean primary;
  private final String owner;
  private final ZoneId zone;
  private final Clock clock;
  private final Map<String, Entry> events = new LinkedHashMap<>();
  private final List<Consumer<CalendarStore>> listeners = new CopyOnWriteArrayList<>();
  private long changeNumber;
  private long epoch = 1;

  /** The owner's primary calendar: its id and summary are the owner's address. */
  public CalendarStore(String owner, ZoneId zone, List<EventRecord> initial, Clock clock) {
    this(CalendarSpec.primary(owner), true, owner, zone, initial, clock);
  }

  /** A secondary calendar of {@code owner}, described by {@code spec}. */
  public CalendarStore(
      CalendarSpec spec, String owner, ZoneId zone, List<EventRecord> initial, Clock clock) {
    this(spec, false, owner, zone, initial, clock);
  }

  private CalendarStore(
      CalendarSpec spec,
      boolean primary,
      String owner,
      ZoneId zone,
      List<EventRecord> initial,
      Clock clock) {
    this.spec = spec;
    this.primary = primary;
    this.owner = owner;
    this.zone = zone;
    this.clock = clock;
    initial.forEach(e -> events.put(e.id(), new Entry(e, ++changeNumber)));
  }

  /** The account that has this calendar on its list. */
  public String owner() {
    return owner;
  }

  /** The calendar id: the owner's address for the primary calendar. */
  public String id() {
    return spec.id();
  }

  public CalendarSpec spec() {
    return spec;
  }

  public boolean primary() {
    return primary;
  }

  public ZoneId zone() {
    return zone;
  }

  public Clock clock() {
    return clock;
  }

  /** Listeners receive this calendar after each change. */
  public void onChange(Consumer<CalendarStore> listener) {
    listeners.add(listener);
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(new ArrayList<>(events.values()), changeNumber, epoch);
  }

  public synchronized long epoch() {
    return epoch;
  }

  public synchronized Optional<EventRecord> get(String id) {
    return Optional.ofNullable(events.get(id)).map(Entry::event);
  }

  public EventRecord add(EventRecord event) {
    synchronized (this) {
      events.put(event.id(), new Entry(event, ++changeNumber));
    }
    announce();
    return event;
  }

  /** Replaces an event with {@code change} applied to it; empty if there is no such event. */
  public Optional<EventRecord> update(String id, UnaryOperator<EventRecord> change) {
    EventRecord updated;
    synchronized (this) {
      Entry current = events.get(id);
      if (current == null) {
        return Optional.empty();
      }
      updated = change.apply(current.event());
      events.put(id, new Entry(updated, ++changeNumber));
    }
    announce();
    return Optional.of(updated);
  }

  public Optional<EventRecord> cancel(String id) {
    return update(id, e -> e.cancelled(clock.instant()));
  }

  /** Every sync token issued so far now answers 410 (a new epoch starts). */
  public synchronized void invalidateSyncTokens() {
    epoch++;
  }

  private void announce() {
    listeners.forEach(l -> l.accept(this));
  }
}
