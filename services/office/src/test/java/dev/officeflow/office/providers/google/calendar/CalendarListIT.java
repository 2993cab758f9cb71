package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.googlesim.admin.NewEvent;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.office.testing.Jobs;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Every calendar on the user's calendar list, with the default selection ({@code all}): generated
 * accounts with three calendars ({@link ThreeCalendars}) are backfilled and streamed; what arrives
 * is compared with the simulator's own events of each calendar. One office for every test, each
 * test with an account of its own.
 */
@IntegrationTest
class CalendarListIT {

  private static final String TEAM = ThreeCalendars.TEAM;
  private static final String SUBSCRIBED = ThreeCalendars.SUBSCRIBED;
  private static final Set<String> ALL_THREE = ThreeCalendars.ALL;

  private static final String EVERY = "cal.every@acme.test";
  private static final String SECONDARY_CHANGE = "cal.secondary@acme.test";
  private static final String DESELECTED = "cal.deselected@acme.test";
  private static final String PURGED = "cal.purged@acme.test";
  private static final String REFUSED = "cal.refused@acme.test";

  private static final Duration WITHIN = StreamingRig.WITHIN;

  private static StreamingRig rig;

  @BeforeAll
  static void start() {
    rig =
        StreamingRig.start(
            Clock.systemUTC(),
            Map.of(),
            ThreeCalendars.account(EVERY, 301),
            ThreeCalendars.account(SECONDARY_CHANGE, 302),
            ThreeCalendars.account(DESELECTED, 303),
            ThreeCalendars.account(PURGED, 304),
            ThreeCalendars.account(REFUSED, 307));
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void everyEventOfEverySelectedCalendarArrivesOnceWithItsCalendarId() {
    String job = rig.streaming(EVERY);
    Map<String, Set<String>> expected =
        ThreeCalendars.expected(rig.sim, EVERY, Jobs.await(rig.office, job, "completed", WITHIN));
    int total = ThreeCalendars.total(expected);

    List<CalendarEvent> events = ThreeCalendars.settled(rig.published, job, total);

    assertThat(expected.keySet()).isEqualTo(ALL_THREE);
    assertThat(expected.values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());
    assertThat(events).hasSize(total);
    assertThat(ThreeCalendars.byCalendar(events)).isEqualTo(expected);
    assertThat(events)
        .allSatisfy(e -> assertThat(e.event().calendarId()).isEqualTo(e.calendarId()));
  }

  @Test
  void changeInASecondaryCalendarStreamsAsAnIncrementalEvent() {
    rig.streaming(SECONDARY_CHANGE);
    assertThat(rig.channelCalendars(SECONDARY_CHANGE))
        .containsExactlyInAnyOrderElementsOf(ALL_THREE);
    ZonedDateTime start =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);

    String id =
        rig.sim
            .admin()
            .addEvent(
                SECONDARY_CHANGE,
                TEAM,
                NewEvent.of("Team offsite", start, Duration.ofHours(2), List.of()));

    CalendarEvent created = rig.awaitEvent(id, Operation.CREATE);
    assertThat(created.calendarId()).isEqualTo(TEAM);
    assertThat(created.event().calendarId()).isEqualTo(TEAM);
    assertThat(created.syncType()).isEqualTo(SyncType.REAL_TIME);
    assertThat(created.event().title()).isEqualTo("Team offsite");
  }

  @Test
  void calendarNoLongerOnTheListHasItsChannelStoppedAndItsStateDeletedAtTheRenewal() {
    rig.streaming(DESELECTED);
    String gone = "left.team@group.calendar.google.com";
    // A calendar streamed before the user left it, whose channel is due for renewal.
    db().sql(
            "INSERT INTO calendar_sync (user_id, provider, calendar_id, sync_token, pending,"
                + " next_poll_at) VALUES (:u, 'google', :c, 'old-token', false, now() + interval"
                + " '1 hour')")
        .bind("u", DESELECTED)
        .bind("c", gone)
        .then()
        .block();
    db().sql(
            "INSERT INTO calendar_channels (channel_id, user_id, provider, calendar_id,"
                + " resource_id, token_sha256, expires_at) VALUES (:id, :u, 'google', :c, 'r-1',"
                + " :sha, :exp)")
        .bind("id", UUID.randomUUID().toString())
        .bind("u", DESELECTED)
        .bind("c", gone)
        .bind("sha", new byte[32])
        .bind("exp", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1))
        .then()
        .block();
    long stops = rig.sim.stats().requests("calendar.channels.stop");

    rig.office.bean(StreamingReconciler.class).tick().block(StreamingRig.WITHIN);

    assertThat(rig.channelCalendars(DESELECTED)).containsExactlyInAnyOrderElementsOf(ALL_THREE);
    assertThat(rig.calendarRows(DESELECTED)).isEqualTo(3);
    assertThat(rig.sim.stats().requests("calendar.channels.stop")).isEqualTo(stops + 1);
  }

  @Test
  void purgeStopsTheChannelOfEveryCalendar() {
    rig.streaming(PURGED);
    assertThat(rig.sim.admin().streaming(PURGED).calendarChannels()).isEqualTo(3);
    // The purge's first step: from now on the user is never streamed again.
    db().sql("INSERT INTO forgotten_users (user_id) VALUES (:u)").bind("u", PURGED).then().block();

    rig.office
        .context()
        .getBean("calendarProviderWatches", ProviderWatches.class)
        .stopAll(PURGED)
        .block(StreamingRig.WITHIN);

    assertThat(rig.sim.admin().streaming(PURGED).calendarChannels()).isZero();
    assertThat(rig.channels(PURGED)).isEmpty();
    assertThat(rig.calendarRows(PURGED)).isZero();
  }

  /**
   * Google refuses channels on some calendars for good (holiday calendars: 400
   * pushNotSupportedForRequestedResource); such a calendar is marked and left to the safety-net
   * listing. google-sim cannot refuse a channel, so the mark is set here as the office sets it.
   */
  @Test
  void calendarWhoseChannelsAreRefusedNeitherNeedsWorkNorHoldsTheUserBack() {
    rig.streaming(REFUSED);
    db().sql("DELETE FROM calendar_channels WHERE user_id = :u AND calendar_id = :c")
        .bind("u", REFUSED)
        .bind("c", SUBSCRIBED)
        .then()
        .block();
    CalendarStreamSource source = rig.office.bean(CalendarStreamSource.class);
    Instant now = Instant.now();
    assertThat(holds(source.needsWork(now), REFUSED)).isTrue();
    assertThat(holds(source.live(now), REFUSED)).isFalse();

    db().sql(
            "UPDATE calendar_sync SET push_refused_at = now() WHERE user_id = :u"
                + " AND calendar_id = :c")
        .bind("u", REFUSED)
        .bind("c", SUBSCRIBED)
        .then()
        .block();
    long watches = rig.sim.stats().requests("calendar.events.watch");
    rig.office.bean(StreamingReconciler.class).tick().block(WITHIN);

    assertThat(holds(source.needsWork(now), REFUSED)).isFalse();
    assertThat(holds(source.live(now), REFUSED)).isTrue();
    assertThat(rig.sim.stats().requests("calendar.events.watch")).isEqualTo(watches);
    assertThat(rig.channelCalendars(REFUSED)).containsExactlyInAnyOrder("primary", TEAM);
  }

  /** Whether the source's condition holds for the user's calendar target. */
  private static boolean holds(StreamSource.Condition condition, String user) {
    GenericExecuteSpec spec =
        db().sql(
                "SELECT count(*) FROM streaming_targets t WHERE t.user_id = :u"
                    + " AND t.source = 'calendar' AND "
                    + condition.sql())
            .bind("u", user);
    for (Map.Entry<String, Object> bind : condition.binds().entrySet()) {
      Object value =
          bind.getValue() instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : bind.getValue();
      spec = spec.bind(bind.getKey(), value);
    }
    return spec.map(row -> row.get(0, Long.class)).one().block() == 1L;
  }

  private static DatabaseClient db() {
    return rig.office.bean(DatabaseClient.class);
  }
}
