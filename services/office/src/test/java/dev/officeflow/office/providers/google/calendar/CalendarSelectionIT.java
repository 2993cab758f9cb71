package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.testing.ExpectedItems;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.office.testing.OfficeProperties;
import dev.officeflow.office.testing.PublishedEvents;
import dev.officeflow.office.testing.TestSims;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * The calendar selection and a backfill resumed across calendars, each test with offices of its own
 * (one at a time: an office closing takes the process's shared web server resources with it, so
 * these cannot run beside {@link CalendarListIT}'s long-lived one).
 */
@IntegrationTest
class CalendarSelectionIT {

  private static final Duration WITHIN = StreamingRig.WITHIN;

  @Test
  void primarySelectionReadsOnlyThePrimaryCalendarAndNeverListsCalendars() throws Exception {
    String user = "cal.primary.only@acme.test";
    try (StreamingRig primaryOnly =
        StreamingRig.start(
            Clock.systemUTC(),
            Map.of("officeflow.office.google.calendars", "primary"),
            ThreeCalendars.account(user, 305))) {
      String job = primaryOnly.streaming(user);
      Map<String, Set<String>> all =
          ThreeCalendars.expected(
              primaryOnly.sim, user, Jobs.await(primaryOnly.office, job, "completed", WITHIN));
      Set<String> primary = all.get("primary");

      List<CalendarEvent> events =
          ThreeCalendars.settled(primaryOnly.published, job, primary.size());

      assertThat(ThreeCalendars.byCalendar(events)).isEqualTo(Map.of("primary", primary));
      assertThat(primaryOnly.calendarRows(user)).isEqualTo(1);
      assertThat(primaryOnly.channelCalendars(user)).containsExactly("primary");
      assertThat(primaryOnly.sim.stats().requests("calendar.calendarList.list")).isZero();
    }
  }

  /**
   * A job of many small Calendar pages at one request a second, under a 2 s run limit: it
   * checkpoints inside one calendar or between two, and later runs go on from there.
   */
  @Test
  void jobResumedAcrossRunsReadsEveryEventOfEveryCalendarOnce() throws Exception {
    String user = "cal.resumed@acme.test";
    QuotaSettings slow =
        TestSims.fastQuota().withCalendarRequestsPerMinute(60).withBurst(Duration.ofSeconds(1));
    try (GoogleSim sim = TestSims.start(slow, ThreeCalendars.account(user, 306))) {
      String prefix = IsolatedCatalog.apply();
      Map<String, Object> p =
          new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
      p.put("officeflow.office.backfill.run-time-limit", "2s");
      p.put("officeflow.office.google.calendar-page-size", "3");
      p.put("officeflow.office.streaming.calendar.enabled", "false");
      p.put("officeflow.office.streaming.gmail.enabled", "false");
      try (PublishedEvents published = new PublishedEvents(prefix);
          OfficeInstance office = OfficeInstance.start(p)) {
        String id = Jobs.start(office, user).path("job_id").asString();
        JsonNode job = Jobs.await(office, id, "completed", Duration.ofSeconds(120));
        Map<String, Set<String>> expected = ThreeCalendars.expected(sim, user, job);
        int total = ThreeCalendars.total(expected);

        List<CalendarEvent> events = ThreeCalendars.settled(published, id, total);

        assertThat(job.path("runs").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(job.path("attempts").asInt()).isZero();
        assertThat(ThreeCalendars.byCalendar(events)).isEqualTo(expected);
        assertThat(events).hasSize(total);
        int emails = ExpectedItems.messages(sim, user, Jobs.instant(job, "email_after")).size();
        assertThat(job.path("progress").path("fetched").asLong()).isEqualTo(total + emails);
      }
    }
  }

  /**
   * A job checkpointed in a calendar the user has left since (here written into the job row before
   * any run, as a run that stopped there would have): the next run lists the calendars again and
   * goes on with the calendar that follows the gone one in the order (primary, then by id), so
   * nothing before it is read twice and nothing after it is missed.
   */
  @Test
  void jobCheckpointedInACalendarNoLongerListedGoesOnWithTheOneAfterIt() throws Exception {
    String user = "cal.left@acme.test";
    try (GoogleSim sim = TestSims.start(TestSims.fastQuota(), ThreeCalendars.account(user, 308))) {
      String prefix = IsolatedCatalog.apply();
      Map<String, Object> p =
          new HashMap<>(OfficeProperties.of(prefix, Infrastructure.createDatabase("office"), sim));
      p.put("officeflow.office.streaming.calendar.enabled", "false");
      p.put("officeflow.office.streaming.gmail.enabled", "false");
      Map<String, Object> notRunning = new HashMap<>(p);
      notRunning.put("officeflow.office.backfill.scheduler-enabled", "false");
      // Between the holiday calendar ("en.holidays@...") and the team one ("team.cal@...").
      String gone = new CalendarPosition("left.team@group.calendar.google.com", "p2").wire();
      String id;
      try (OfficeInstance office = OfficeInstance.start(notRunning)) {
        id = Jobs.start(office, user).path("job_id").asString();
        office
            .bean(DatabaseClient.class)
            .sql("UPDATE backfill_jobs SET page_token = :t WHERE id = :id AND phase = 'calendar'")
            .bind("t", gone)
            .bind("id", UUID.fromString(id))
            .fetch()
            .rowsUpdated()
            .block();
      }
      try (PublishedEvents published = new PublishedEvents(prefix);
          OfficeInstance office = OfficeInstance.start(p)) {
        JsonNode job = Jobs.await(office, id, "completed", WITHIN);
        Set<String> team = ThreeCalendars.expected(sim, user, job).get(ThreeCalendars.TEAM);

        List<CalendarEvent> events = ThreeCalendars.settled(published, id, team.size());

        assertThat(ThreeCalendars.byCalendar(events)).isEqualTo(Map.of(ThreeCalendars.TEAM, team));
        assertThat(events).hasSize(team.size());
      }
    }
  }
}
