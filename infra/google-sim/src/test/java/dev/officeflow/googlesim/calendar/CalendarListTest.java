package dev.officeflow.googlesim.calendar;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static dev.officeflow.googlesim.SimFixtures.HOLIDAYS;
import static dev.officeflow.googlesim.SimFixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarListTest {

  private static final String ARCHIVE = "archive@group.calendar.google.com";

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Calendar calendar;

  @BeforeEach
  void start() {
    sim =
        SimFixtures.start(
            clock,
            SimFixtures.aliceWithCalendars()
                .withCalendar(CalendarSpec.of(ARCHIVE, "Archive", "owner", 3).withHidden(true)));
    calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void calendarListShowsThePrimaryAndTheVisibleSecondaryCalendars() throws IOException {
    CalendarList list = calendar.calendarList().list().execute();

    assertThat(list.getItems())
        .extracting(CalendarListEntry::getId)
        .containsExactly(ALICE, TEAM, HOLIDAYS);
    CalendarListEntry primary = list.getItems().get(0);
    assertThat(primary.getKind()).isEqualTo("calendar#calendarListEntry");
    assertThat(primary.getPrimary()).isTrue();
    assertThat(primary.getSummary()).isEqualTo(ALICE);
    assertThat(primary.getAccessRole()).isEqualTo("owner");
    assertThat(primary.getTimeZone()).isNotBlank();
    assertThat(primary.getEtag()).isNotBlank();
    CalendarListEntry holidays = list.getItems().get(2);
    assertThat(holidays.getPrimary()).isNull();
    assertThat(holidays.getSummary()).isEqualTo("Holidays");
    assertThat(holidays.getAccessRole()).isEqualTo("reader");
    assertThat(holidays.getSelected()).isTrue();
    assertThat(list.getNextPageToken()).isNull();
    assertThat(list.getNextSyncToken()).isNotBlank();
  }

  @Test
  void hiddenCalendarsAppearOnlyWithShowHidden() throws IOException {
    CalendarList list = calendar.calendarList().list().setShowHidden(true).execute();

    CalendarListEntry archive = list.getItems().get(3);
    assertThat(archive.getId()).isEqualTo(ARCHIVE);
    assertThat(archive.getHidden()).isTrue();
    assertThat(archive.getSelected()).isFalse();
  }

  @Test
  void minAccessRoleLeavesOutCalendarsTheUserOnlyReads() throws IOException {
    CalendarList owned = calendar.calendarList().list().setMinAccessRole("writer").execute();

    assertThat(owned.getItems()).extracting(CalendarListEntry::getId).containsExactly(ALICE, TEAM);
  }

  @Test
  void theListPagesByMaxResults() throws IOException {
    List<String> ids = new ArrayList<>();
    String pageToken = null;
    int pages = 0;
    do {
      CalendarList page =
          calendar.calendarList().list().setMaxResults(2).setPageToken(pageToken).execute();
      page.getItems().forEach(c -> ids.add(c.getId()));
      pageToken = page.getNextPageToken();
      pages++;
    } while (pageToken != null);

    assertThat(pages).isEqualTo(2);
    assertThat(ids).containsExactly(ALICE, TEAM, HOLIDAYS);
  }

  @Test
  void aSyncTokenYieldsNoChangesUntilTokensAreInvalidated() throws IOException {
    String syncToken = calendar.calendarList().list().execute().getNextSyncToken();

    CalendarList unchanged = calendar.calendarList().list().setSyncToken(syncToken).execute();
    sim.admin().invalidateSyncTokens(ALICE);
    GoogleJsonResponseException gone =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.calendarList().list().setSyncToken(syncToken).execute());

    assertThat(unchanged.getItems()).isEmpty();
    assertThat(gone.getStatusCode()).isEqualTo(410);
  }

  @Test
  void calendarListGetAnswersOneEntryAndUnknownIdsAre404() throws IOException {
    CalendarListEntry team = calendar.calendarList().get(TEAM).execute();
    GoogleJsonResponseException missing =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.calendarList().get("nobody@group.calendar.google.com").execute());

    assertThat(team.getSummary()).isEqualTo("Team");
    assertThat(missing.getStatusCode()).isEqualTo(404);
  }

  @Test
  void theEventsScopeAloneMayNotReadTheCalendarList() {
    Calendar eventsOnly =
        SimFixtures.calendar(
            sim, SimFixtures.token(sim, ALICE, Set.of(CalendarScopes.EVENTS_READONLY)));

    GoogleJsonResponseException refused =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> eventsOnly.calendarList().list().execute());

    assertThat(refused.getStatusCode()).isEqualTo(403);
    assertThat(refused.getDetails().getErrors().get(0).getReason())
        .isEqualTo("insufficientPermissions");
  }

  @Test
  void calendarListCallsCountTowardsTheCalendarQuota() throws IOException {
    calendar.calendarList().list().execute();

    assertThat(sim.stats().requests("calendar.calendarList.list")).isEqualTo(1);
    assertThat(sim.stats().calendarRequests()).containsEntry(ALICE, 1L);
  }
}
