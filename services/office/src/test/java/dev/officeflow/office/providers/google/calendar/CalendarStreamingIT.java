package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.googlesim.admin.EventUpdate;
import dev.officeflow.googlesim.admin.NewEvent;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calendar streaming end to end: google-sim changes an event, posts the channel notification to the
 * office's webhook, and the office lists the change and publishes it. Each test streams an account
 * of its own.
 */
@IntegrationTest
class CalendarStreamingIT {

  private static final String CHANGES = "cal.changes@acme.test";
  private static final String FORGED_TOKEN = "cal.forged@acme.test";
  private static final String FORGED_CHANNEL = "cal.unknown@acme.test";
  private static final String INVALIDATED = "cal.gone@acme.test";
  private static final String CLOSED = "cal.closed@acme.test";
  private static final String BURST = "cal.burst@acme.test";
  private static final String FORGOTTEN = "cal.forgotten@acme.test";
  private static final Duration QUIET = Duration.ofSeconds(1);

  private static StreamingRig rig;

  @BeforeAll
  static void start() {
    rig =
        StreamingRig.start(
            Clock.systemUTC(),
            CHANGES,
            FORGED_TOKEN,
            FORGED_CHANNEL,
            INVALIDATED,
            CLOSED,
            BURST,
            FORGOTTEN);
  }

  @AfterAll
  static void stop() throws Exception {
    rig.close();
  }

  @Test
  void eventCreatedMovedAndCancelledIsPublishedAsCreateUpdateDelete() {
    rig.streaming(CHANGES);
    ZonedDateTime start =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
    String id =
        rig.sim
            .admin()
            .addEvent(
                CHANGES,
                NewEvent.of("Planning", start, Duration.ofHours(1), List.of("bo@acme.test")));
    CalendarEvent created = rig.awaitEvent(id, Operation.CREATE);

    ZonedDateTime moved = start.plusHours(3);
    rig.sim
        .admin()
        .updateEvent(CHANGES, id, new EventUpdate(null, moved, moved.plusHours(1), null, null));
    CalendarEvent updated = rig.awaitEvent(id, Operation.UPDATE);

    rig.sim.admin().cancelEvent(CHANGES, id);
    CalendarEvent deleted = rig.awaitEvent(id, Operation.DELETE);

    assertThat(List.of(created, updated, deleted))
        .allSatisfy(e -> assertThat(e.syncType()).isEqualTo(SyncType.REAL_TIME))
        .allSatisfy(e -> assertThat(e.metadata().tags()).containsEntry("account", CHANGES));
    assertThat(created.event().title()).isEqualTo("Planning");
    assertThat(created.event().startTime()).isEqualTo(start.toInstant());
    assertThat(updated.event().startTime()).isEqualTo(moved.toInstant());
    assertThat(deleted.event().status()).isEqualTo("cancelled");
  }

  @Test
  void forgottenUserHasItsChannelsStoppedAndItsCalendarForgotten() {
    rig.streaming(FORGOTTEN);
    long stops = rig.sim.stats().requests("calendar.channels.stop");

    rig.office.context().publishEvent(new UserForgotten(FORGOTTEN));

    await("the channel to be stopped")
        .atMost(StreamingRig.WITHIN)
        .until(() -> rig.sim.stats().requests("calendar.channels.stop") == stops + 1);
    assertThat(rig.channels(FORGOTTEN)).isEmpty();
    assertThat(rig.calendarRows(FORGOTTEN)).isZero();
  }

  @Test
  void burstOfChangesYieldsEveryEventFromFewerListingsThanNotifications() {
    rig.streaming(BURST);
    double notifications = rig.counter("notifications");
    double listings = rig.counter("deltas");
    ZonedDateTime start =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
    List<String> ids =
        IntStream.range(0, 30)
            .mapToObj(
                i ->
                    rig.sim
                        .admin()
                        .addEvent(
                            BURST,
                            NewEvent.of(
                                "Burst " + i,
                                start.plusHours(i),
                                Duration.ofMinutes(30),
                                List.of())))
            .toList();

    ids.forEach(id -> rig.awaitEvent(id, Operation.CREATE));
    await("every notification")
        .atMost(StreamingRig.WITHIN)
        .until(() -> rig.counter("notifications") - notifications == 30);
    await("the calendar to settle").atMost(StreamingRig.WITHIN).until(() -> rig.idle(BURST));
    assertThat(rig.published.calendars(e -> ids.contains(e.providerItemId()))).hasSize(30);
    assertThat(rig.counter("deltas") - listings).isLessThan(30);
  }

  @Test
  void notificationWithAWrongTokenIsRefusedAndListsNothing() {
    rig.streaming(FORGED_TOKEN);
    String channel = rig.channels(FORGED_TOKEN).get(0).id();
    long before = rig.calendarRequests(FORGED_TOKEN);

    assertThat(rig.notify(channel, "not-the-secret")).isEqualTo(401);

    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(() -> rig.calendarRequests(FORGED_TOKEN) == before);
  }

  @Test
  void notificationForAnUnknownChannelIsRefusedAndListsNothing() {
    rig.streaming(FORGED_CHANNEL);
    long before = rig.calendarRequests(FORGED_CHANNEL);

    assertThat(rig.notify(UUID.randomUUID().toString(), "any-token")).isEqualTo(401);

    await()
        .during(QUIET)
        .atMost(QUIET.multipliedBy(3))
        .until(() -> rig.calendarRequests(FORGED_CHANNEL) == before);
  }

  @Test
  void invalidatedSyncTokenCostsOneResyncAndLosesNoEvent() {
    rig.streaming(INVALIDATED);
    double resyncs = rig.counter("resyncs");
    rig.sim.admin().invalidateSyncTokens(INVALIDATED);

    ZonedDateTime start =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
    String id =
        rig.sim
            .admin()
            .addEvent(
                INVALIDATED, NewEvent.of("After the reset", start, Duration.ofHours(1), List.of()));

    CalendarEvent created = rig.awaitEvent(id, Operation.CREATE);
    await("the calendar to settle").atMost(StreamingRig.WITHIN).until(() -> rig.idle(INVALIDATED));
    assertThat(created.event().title()).isEqualTo("After the reset");
    assertThat(rig.counter("resyncs")).isEqualTo(resyncs + 1);
  }

  @Test
  void closedIntegrationStopsItsChannelsAndForgetsTheCalendar() {
    rig.streaming(CLOSED);
    long stops = rig.sim.stats().requests("calendar.channels.stop");

    rig.office.context().publishEvent(new IntegrationClosed(CLOSED, "google", "update revoked"));

    await("the channel to be stopped")
        .atMost(StreamingRig.WITHIN)
        .until(() -> rig.sim.stats().requests("calendar.channels.stop") == stops + 1);
    assertThat(rig.channels(CLOSED)).isEmpty();
    assertThat(rig.calendarRows(CLOSED)).isZero();
  }
}
