package dev.officeflow.googlesim.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calendars on one account's calendar list: the primary first, then the secondary ones in the
 * order the account spec names them. Immutable; each calendar is thread-safe.
 */
public final class Calendars {

  private final CalendarStore primary;
  private final List<CalendarStore> all;

  public Calendars(CalendarStore primary, List<CalendarStore> secondary) {
    this.primary = primary;
    List<CalendarStore> list = new ArrayList<>();
    list.add(primary);
    list.addAll(secondary);
    this.all = List.copyOf(list);
  }

  public CalendarStore primary() {
    return primary;
  }

  /** Every calendar, the primary first. */
  public List<CalendarStore> all() {
    return all;
  }

  /**
   * The calendar a request path names: {@code primary} or the owner's address for the primary
   * calendar, else a calendar id on the list (ignoring case, as calendar ids are addresses).
   */
  public Optional<CalendarStore> find(String calendarId) {
    if (calendarId.equals("primary")) {
      return Optional.of(primary);
    }
    return all.stream().filter(c -> c.id().equalsIgnoreCase(calendarId)).findFirst();
  }

  /**
   * The calendar holding the event {@code eventId} (ids are unique across an account's calendars).
   */
  public Optional<CalendarStore> holding(String eventId) {
    return all.stream().filter(c -> c.get(eventId).isPresent()).findFirst();
  }

  /** Every sync token issued for any of these calendars (and the list) now answers 410. */
  public void invalidateSyncTokens() {
    all.forEach(CalendarStore::invalidateSyncTokens);
  }
}
