package dev.officeflow.googlesim.calendar;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.admin.EventUpdate;
import dev.officeflow.googlesim.admin.NewEvent;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarEventsTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;
  private Calendar calendar;

  @BeforeEach
  void start() {
    sim = SimFixtures.start(clock, SimFixtures.alice());
    calendar = SimFixtures.calendar(sim, SimFixtures.token(sim, ALICE));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void pagingReturnsEveryLiveEventOnceAndASyncTokenOnlyOnTheLastPage() throws IOException {
    long live =
        sim.admin().generated(ALICE).events().stream().filter(e -> !e.isCancelled()).count();
    List<String> ids = new ArrayList<>();
    String pageToken = null;
    Events page;
    do {
      page = calendar.events().list("primary").setMaxResults(7).setPageToken(pageToken).execute();
      page.getItems().forEach(e -> ids.add(e.getId()));
      assertThat(page.getNextSyncToken() == null).isEqualTo(page.getNextPageToken() != null);
      pageToken = page.getNextPageToken();
    } while (pageToken != null);

    assertThat(ids).hasSize((int) live).doesNotHaveDuplicates();
    assertThat(page.getNextSyncToken()).isNotBlank();
  }

  @Test
  void aSyncTokenReturnsOnlyWhatChangedIncludingCancellations() throws IOException {
    String syncToken = fullSync();
    String added =
        sim.admin()
            .addEvent(
                ALICE,
                NewEvent.of(
                    "Review",
                    ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")),
                    Duration.ofMinutes(30),
                    List.of("ben@partner.test")));
    String existing = liveEventId();
    sim.admin().updateEvent(ALICE, existing, EventUpdate.summary("Moved"));
    sim.admin().cancelEvent(ALICE, added);

    Events delta = calendar.events().list("primary").setSyncToken(syncToken).execute();

    assertThat(delta.getItems()).extracting(Event::getId).containsExactly(existing, added);
    assertThat(delta.getItems().get(0).getSummary()).isEqualTo("Moved");
    assertThat(delta.getItems().get(1).getStatus()).isEqualTo("cancelled");
    assertThat(delta.getNextSyncToken()).isNotEqualTo(syncToken);
    assertThat(
            calendar
                .events()
                .list("primary")
                .setSyncToken(delta.getNextSyncToken())
                .execute()
                .getItems())
        .isEmpty();
  }

  @Test
  void anInvalidatedSyncTokenIs410FullSyncRequired() throws IOException {
    String syncToken = fullSync();
    sim.admin().invalidateSyncTokens(ALICE);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.events().list("primary").setSyncToken(syncToken).execute());

    assertThat(e.getStatusCode()).isEqualTo(410);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("fullSyncRequired");
    assertThat(e.getDetails().getMessage())
        .isEqualTo("Sync token is no longer valid, a full sync is required.");
  }

  @Test
  void timeWindowWithSingleEventsExpandsSeriesAndOrdersByStart() throws IOException {
    Instant now = clock.instant();
    Events window =
        calendar
            .events()
            .list("primary")
            .setTimeMin(new DateTime(now.minus(Duration.ofDays(30)).toEpochMilli()))
            .setTimeMax(new DateTime(now.plus(Duration.ofDays(2)).toEpochMilli()))
            .setSingleEvents(true)
            .setOrderBy("startTime")
            .setMaxResults(2500)
            .execute();

    assertThat(window.getItems()).isNotEmpty();
    assertThat(window.getItems()).allSatisfy(e -> assertThat(e.getRecurrence()).isNull());
    List<Long> starts = window.getItems().stream().map(e -> start(e)).toList();
    assertThat(starts).isSorted();
    assertThat(starts)
        .allSatisfy(s -> assertThat(s).isLessThan(now.plus(Duration.ofDays(2)).toEpochMilli()));
  }

  @Test
  void orderByStartTimeWithoutSingleEventsIsABadRequest() {
    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> calendar.events().list("primary").setOrderBy("startTime").execute());

    assertThat(e.getStatusCode()).isEqualTo(400);
  }

  @Test
  void eventsCarryTheRealResourceFields() throws IOException {
    Event meeting =
        calendar.events().list("primary").setMaxResults(2500).execute().getItems().stream()
            .filter(e -> e.getAttendees() != null && e.getAttendees().size() > 1)
            .findFirst()
            .orElseThrow();

    assertThat(meeting.getHtmlLink()).startsWith("https://www.google.com/calendar/event?eid=");
    assertThat(meeting.getICalUID()).endsWith("@google.com");
    assertThat(meeting.getOrganizer().getEmail()).isNotBlank();
    assertThat(meeting.getAttendees()).anySatisfy(a -> assertThat(a.getSelf()).isTrue());
    assertThat(meeting.getAttendees())
        .allSatisfy(
            a ->
                assertThat(a.getResponseStatus())
                    .isIn("needsAction", "declined", "tentative", "accepted"));
    assertThat(meeting.getStart().getDateTime()).isNotNull();
    assertThat(meeting.getUpdated()).isNotNull();
  }

  private String fullSync() throws IOException {
    Events page = null;
    String pageToken = null;
    do {
      page = calendar.events().list("primary").setPageToken(pageToken).execute();
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    return page.getNextSyncToken();
  }

  private String liveEventId() {
    return sim.admin().generated(ALICE).events().stream()
        .filter(e -> !e.isCancelled() && !e.isRecurring())
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static long start(Event e) {
    return e.getStart().getDateTime() != null
        ? e.getStart().getDateTime().getValue()
        : e.getStart().getDate().getValue();
  }
}
