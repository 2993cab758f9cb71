package dev.officeflow.office.providers.google.calendar;

import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Accounts with three calendars (the primary, a team calendar the user owns, a holiday calendar it
 * subscribes to as a reader) and what their backfill must yield, from the simulator's own data.
 */
final class ThreeCalendars {

  static final String TEAM = "team.cal@group.calendar.google.com";
  static final String SUBSCRIBED = "en.holidays@group.v.calendar.google.com";
  static final Set<String> ALL = Set.of("primary", TEAM, SUBSCRIBED);

  private ThreeCalendars() {}

  static AccountSpec account(String email, long seed) {
    return TestSims.account(email, seed, 5, 1, 8)
        .withCalendar(CalendarSpec.of(TEAM, "Team", "owner", 9))
        .withCalendar(CalendarSpec.of(SUBSCRIBED, "Holidays", "reader", 6));
  }

  /**
   * The event ids each calendar must yield in the job's window, by calendar id ({@code primary} for
   * the primary calendar): occurrences of series expanded, cancelled events left out.
   */
  static Map<String, Set<String>> expected(GoogleSim sim, String user, JsonNode job) {
    Instant from = Jobs.instant(job, "calendar_from");
    Instant to = Jobs.instant(job, "calendar_to");
    Map<String, Set<String>> out = new TreeMap<>();
    for (CalendarSpec calendar : sim.admin().calendars(user)) {
      boolean primary = calendar.id().equalsIgnoreCase(user);
      Set<String> ids =
          sim.admin().events(user, primary ? "primary" : calendar.id()).stream()
              .filter(e -> !e.isCancelled())
              .flatMap(e -> (e.isRecurring() ? Recurrence.instances(e, to) : List.of(e)).stream())
              .filter(e -> e.end().instant().isAfter(from) && e.start().instant().isBefore(to))
              .map(EventRecord::id)
              .collect(Collectors.toCollection(TreeSet::new));
      out.put(primary ? "primary" : calendar.id(), ids);
    }
    return out;
  }

  static int total(Map<String, Set<String>> expected) {
    return expected.values().stream().mapToInt(Set::size).sum();
  }

  /** The provider event ids of {@code events}, by the calendar id each event carries. */
  static Map<String, Set<String>> byCalendar(List<CalendarEvent> events) {
    return events.stream()
        .collect(
            Collectors.groupingBy(
                CalendarEvent::calendarId,
                TreeMap::new,
                Collectors.mapping(
                    e -> e.event().providerEventId(), Collectors.toCollection(TreeSet::new))));
  }

  /** The job's events once {@code total} arrived, and a second later (so a duplicate shows). */
  static List<CalendarEvent> settled(PublishedEvents published, String job, int total) {
    await("calendar events of " + job)
        .atMost(StreamingRig.WITHIN)
        .until(() -> published.calendarsOf(job).size() >= total);
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    return published.calendarsOf(job);
  }
}
