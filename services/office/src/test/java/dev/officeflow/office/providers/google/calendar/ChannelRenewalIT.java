package dev.officeflow.office.providers.google.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.googlesim.admin.NewEvent;
import dev.officeflow.office.providers.google.calendar.StreamingRig.ChannelRow;
import dev.officeflow.office.streaming.StreamingReconciler;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic work (renewal by the streaming reconciler, the safety-net listing) driven by the
 * office's clock, which the test moves, and a tick the test triggers.
 */
@IntegrationTest
class ChannelRenewalIT {

  private static final String USER = "cal.renewal@acme.test";

  private final MutableClock clock = new MutableClock(Instant.now());
  private StreamingRig rig;

  @BeforeEach
  void start() {
    rig = StreamingRig.start(clock, USER);
    rig.streaming(USER);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void channelNearExpiryIsReplacedAndTheOldOneStoppedAfterTheOverlap() {
    String first = rig.channels(USER).get(0).id();
    CalendarScheduler scheduler = rig.office.bean(CalendarScheduler.class);
    StreamingReconciler reconciler = rig.office.bean(StreamingReconciler.class);

    clock.advance(Duration.ofDays(6).plusHours(12)); // 7-day channels renew 1 day ahead
    reconciler.tick().block(StreamingRig.WITHIN);
    scheduler.tick().block(StreamingRig.WITHIN);

    List<ChannelRow> during = rig.channels(USER);
    assertThat(during).hasSize(2);
    assertThat(during)
        .filteredOn(ChannelRow::retiring)
        .extracting(ChannelRow::id)
        .containsExactly(first);
    String second = during.stream().filter(c -> !c.retiring()).findFirst().orElseThrow().id();
    assertThat(rig.sim.stats().requests("calendar.channels.stop")).isZero();

    clock.advance(Duration.ofMinutes(3)); // past the 2-minute overlap
    reconciler.tick().block(StreamingRig.WITHIN);
    scheduler.tick().block(StreamingRig.WITHIN);

    assertThat(rig.channels(USER)).extracting(ChannelRow::id).containsExactly(second);
    assertThat(rig.sim.stats().requests("calendar.events.watch")).isEqualTo(2);
    assertThat(rig.sim.stats().requests("calendar.channels.stop")).isEqualTo(1);
    assertThat(rig.counter("renewals")).isEqualTo(1);
  }

  @Test
  void changeWhoseNotificationWasLostIsPublishedByTheSafetyNetListing() {
    rig.forgetChannels(USER); // notifications now answer 401 and start nothing
    long refused = rig.sim.stats().notificationFailures();
    ZonedDateTime start =
        ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
    String id =
        rig.sim
            .admin()
            .addEvent(USER, NewEvent.of("Unheard", start, Duration.ofHours(1), List.of()));
    await("the notification to be refused")
        .atMost(StreamingRig.WITHIN)
        .until(() -> rig.sim.stats().notificationFailures() > refused);

    clock.advance(Duration.ofMinutes(16)); // past the 15-minute poll interval
    rig.office.bean(CalendarScheduler.class).tick().block(StreamingRig.WITHIN);

    CalendarEvent created = rig.awaitEvent(id, Operation.CREATE);
    assertThat(created.syncType()).isEqualTo(SyncType.REAL_TIME);
  }
}
