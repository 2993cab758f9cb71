package dev.officeflow.googlesim.calendar;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static dev.officeflow.googlesim.SimFixtures.HOLIDAYS;
import static dev.officeflow.googlesim.SimFixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.EventUpdate;
import dev.officeflow.googlesim.admin.NewEvent;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecondaryCalendarTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Calendar calendar;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.aliceWithCalendars());
    calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aSecondaryCalendarsEventsArePagedInFullWithTheCalendarsOwnSummaryAndRole()
      throws IOException {
    List<String> ids = new ArrayList<>();
    int pages = 0;
    String pageToken = null;
    Events page;
    do {
      page =
          calendar
              .events()
              .list(HOLIDAYS)
              .setShowDeleted(true)
              .setMaxResults(8)
              .setPageToken(pageToken)
              .execute();
      page.getItems().forEach(e -> ids.add(e.getId()));
      pageToken = page.getNextPageToken();
      pages++;
    } while (pageToken != null);

    assertThat(pages).isEqualTo(3);
    assertThat(ids)
        .hasSize(20)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(eventIds(HOLIDAYS));
    assertThat(page.getSummary()).isEqualTo("Holidays");
    assertThat(page.getAccessRole()).isEqualTo("reader");
    assertThat(page.getNextSyncToken()).isNotBlank();
  }

  @Test
  void eventIdsAreUniqueAcrossTheAccountsCalendarsAndDeterministic() {
    Set<String> all = new HashSet<>();
    List.of(ALICE, TEAM, HOLIDAYS).forEach(c -> all.addAll(eventIds(c)));

    assertThat(all).hasSize(sim.admin().events(ALICE, ALICE).size() + 40 + 20);
    try (GoogleSim again = SimFixtures.start(clock, SimFixtures.aliceWithCalendars())) {
      assertThat(again.admin().events(ALICE, TEAM)).isEqualTo(sim.admin().events(ALICE, TEAM));
    }
  }

  @Test
  void eventsGetFindsAnEventOnlyInItsOwnCalendar() throws IOException {
    String teamEvent = eventIds(TEAM).get(0);

    Event found = calendar.events().get(TEAM, teamEvent).execute();
    GoogleJsonResponseException elsewhere =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.events().get("primary", teamEvent).execute());

    assertThat(found.getId()).isEqualTo(teamEvent);
    assertThat(elsewhere.getStatusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownCalendarIdIs404NotFound() {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.events().list("someone-else@group.calendar.google.com").execute());

    assertThat(e.getStatusCode()).isEqualTo(404);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
  }

  @Test
  void adminChangesInASecondaryCalendarShowUpInItsIncrementalSyncOnly() throws IOException {
    String teamToken = fullSync(TEAM);
    String primaryToken = fullSync("primary");
    ZonedDateTime start = ZonedDateTime.parse("2026-11-21T10:00:00+01:00[Europe/Berlin]");
    String added =
        sim.admin()
            .addEvent(
                ALICE, TEAM, NewEvent.of("Team offsite", start, Duration.ofHours(2), List.of()));
    List<String> live = liveEventIds(TEAM);
    String existing = live.get(0);
    sim.admin().updateEvent(ALICE, TEAM, existing, EventUpdate.summary("Renamed"));
    String cancelled = live.get(1);
    sim.admin().cancelEvent(ALICE, cancelled);

    Events delta = calendar.events().list(TEAM).setSyncToken(teamToken).execute();
    Events primaryDelta = calendar.events().list("primary").setSyncToken(primaryToken).execute();

    assertThat(delta.getItems())
        .extracting(Event::getId)
        .containsExactly(added, existing, cancelled);
    assertThat(delta.getItems().get(1).getSummary()).isEqualTo("Renamed");
    assertThat(delta.getItems().get(2).getStatus()).isEqualTo("cancelled");
    assertThat(primaryDelta.getItems()).isEmpty();
  }

  private List<String> eventIds(String calendarId) {
    return sim.admin().events(ALICE, calendarId).stream().map(EventRecord::id).toList();
  }

  private List<String> liveEventIds(String calendarId) {
    return sim.admin().events(ALICE, calendarId).stream()
        .filter(e -> !e.isCancelled())
        .map(EventRecord::id)
        .toList();
  }

  private String fullSync(String calendarId) throws IOException {
    Events page;
    String pageToken = null;
    do {
      page = calendar.events().list(calendarId).setPageToken(pageToken).execute();
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    return page.getNextSyncToken();
  }
}
