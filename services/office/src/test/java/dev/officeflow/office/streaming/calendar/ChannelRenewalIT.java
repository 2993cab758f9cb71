package dev.officeflow.office.streaming.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.office.streaming.calendar.StreamingRig.ChannelRow;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channel renewal driven by the office's clock, which the test moves, and a triggered tick. */
@IntegrationTest
class ChannelRenewalIT {

  private static final String USER = "cal.renewal@acme.test";

  private final MovableClock clock = new MovableClock(Instant.now());
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

    clock.advance(Duration.ofDays(6).plusHours(12)); // 7-day channels renew 1 day ahead
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
    scheduler.tick().block(StreamingRig.WITHIN);

    assertThat(rig.channels(USER)).extracting(ChannelRow::id).containsExactly(second);
    assertThat(rig.sim.stats().requests("calendar.events.watch")).isEqualTo(2);
    assertThat(rig.sim.stats().requests("calendar.channels.stop")).isEqualTo(1);
    assertThat(rig.counter("renewals")).isEqualTo(1);
  }
}
