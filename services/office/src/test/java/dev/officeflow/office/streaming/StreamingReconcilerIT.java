package dev.officeflow.office.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.googlesim.faults.FaultSettings;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.streaming.ReconcilerRig.Target;
import dev.officeflow.office.testing.OfficeInstance;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The streaming reconciler against google-sim (with faults injected on {@code users.watch}), the
 * emulator and PostgreSQL. Each test has its own sim, catalog and database; the office's clock is
 * moved by hand and rounds run when the test calls {@link StreamingReconciler#tick()} (or when a
 * backfill completes).
 */
@IntegrationTest
class StreamingReconcilerIT {

  private static final Duration WITHIN = ReconcilerRig.WITHIN;
  private static final String WATCH = "gmail.users.watch";
  private static final String CHANNEL = "calendar.events.watch";
  private static final Map<String, Object> NO_RETRIES =
      Map.of("officeflow.office.google.retries", 0);
  private static final Map<String, Object> NOT_STREAMING =
      Map.of(
          "officeflow.office.streaming.gmail.enabled", false,
          "officeflow.office.streaming.calendar.enabled", false);

  private final MutableClock clock = MutableClock.startingNow();
  private final ReconcilerRig rig = new ReconcilerRig();

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void completedBackfillWhoseWatchFailedGetsALiveWatchFromTheReconciler() {
    try (OfficeInstance office = rig.office(clock, NO_RETRIES)) {
      String user = rig.account("watch-failed");
      rig.sim.admin().failNext(WATCH, 1, 503);

      ReconcilerRig.backfill(office, user);
      await("the failed start to be recorded")
          .atMost(WITHIN)
          .until(() -> attempts(office, user, "gmail") == 1);
      assertThat(rig.watchExpiry(office, user)).isEmpty();

      clock.advance(Duration.ofMinutes(2)); // past the first backoff, 1 min ± 25 %
      office.bean(StreamingReconciler.class).tick().block(WITHIN);

      assertThat(rig.watchExpiry(office, user))
          .hasValueSatisfying(t -> assertThat(t).isAfter(clock.instant()));
      assertThat(rig.target(office, user, "gmail").orElseThrow())
          .extracting(Target::attempts, Target::started)
          .containsExactly(0, true);
      assertThat(rig.requests(WATCH)).isEqualTo(2);
    }
  }

  @Test
  void calendarChannelThatExpiredIsRecreated() {
    try (OfficeInstance office =
        rig.office(clock, Map.of("officeflow.office.streaming.gmail.enabled", false))) {
      String user = rig.account("channel-expired");
      ReconcilerRig.backfill(office, user);
      await("the first channel")
          .atMost(WITHIN)
          .until(() -> rig.openChannels(office, user, clock.instant()) == 1);
      long opened = rig.requests(CHANNEL);

      clock.advance(Duration.ofDays(7).plusMinutes(1)); // the 7-day channel has lapsed
      office.bean(StreamingReconciler.class).tick().block(WITHIN);

      assertThat(rig.requests(CHANNEL) - opened).isEqualTo(1);
      assertThat(rig.openChannels(office, user, clock.instant().plus(Duration.ofDays(6))))
          .isEqualTo(1);
      assertThat(ReconcilerRig.withoutLive(office, "calendar")).isZero();
    }
  }

  @Test
  void twoInstancesReconcilingAtOnceStartOneWatchAndOneChannelPerUser() {
    List<String> users = List.of(rig.account("two-a"), rig.account("two-b"), rig.account("two-c"));
    // Backfilled where nothing streams, as if the instance died before starting any stream.
    try (OfficeInstance backfiller = rig.office(clock, NOT_STREAMING)) {
      users.forEach(user -> ReconcilerRig.backfill(backfiller, user));
    }
    // Slow answers keep the first instance's leases held while the second one claims.
    rig.sim.admin().setFaults(FaultSettings.none().withLatency(Duration.ofMillis(300)));
    try (OfficeInstance first = rig.office(clock, Map.of());
        OfficeInstance second = rig.office(clock, Map.of())) {

      Mono.when(
              first.bean(StreamingReconciler.class).tick().subscribeOn(Schedulers.parallel()),
              second.bean(StreamingReconciler.class).tick().subscribeOn(Schedulers.parallel()))
          .block(WITHIN);

      assertThat(users)
          .allSatisfy(
              user -> {
                assertThat(rig.watchExpiry(first, user)).isPresent();
                assertThat(rig.openChannels(first, user, clock.instant())).isEqualTo(1);
              });
      assertThat(rig.requests(WATCH)).isEqualTo(users.size());
      assertThat(rig.requests(CHANNEL)).isEqualTo(users.size());
    }
  }

  @Test
  void gaugeCountsAUserWhoseWatchKeepsFailingAndBacksItOff() {
    try (OfficeInstance office = rig.office(clock, NO_RETRIES)) {
      String healthy = rig.account("healthy");
      ReconcilerRig.backfill(office, healthy);
      await("the healthy user's watch")
          .atMost(WITHIN)
          .until(() -> rig.watchExpiry(office, healthy).isPresent());
      String failing = rig.account("failing");
      rig.sim.admin().failNext(WATCH, 1_000, 503);

      ReconcilerRig.backfill(office, failing);
      await("the failed start to be recorded")
          .atMost(WITHIN)
          .until(() -> attempts(office, failing, "gmail") == 1);
      clock.advance(Duration.ofMinutes(2));
      office.bean(StreamingReconciler.class).tick().block(WITHIN);

      assertThat(ReconcilerRig.withoutLive(office, "gmail")).isEqualTo(1.0);
      assertThat(ReconcilerRig.withoutLive(office, "calendar")).isZero();
      Target target = rig.target(office, failing, "gmail").orElseThrow();
      assertThat(target.attempts()).isEqualTo(2);
      // The second failure waits twice the first backoff: 2 min ± 25 %.
      assertThat(Duration.between(clock.instant(), target.nextAttemptAt()))
          .isBetween(Duration.ofSeconds(89), Duration.ofSeconds(151));
    }
  }

  @Test
  void closedIntegrationIsNotStreamedAgain() {
    try (OfficeInstance office = rig.office(clock, Map.of())) {
      String user = rig.account("closed");
      ReconcilerRig.backfill(office, user);
      await("the watch").atMost(WITHIN).until(() -> rig.watchExpiry(office, user).isPresent());

      office.context().publishEvent(new IntegrationClosed(user, "google", "delete active"));
      await("the watch to be forgotten")
          .atMost(WITHIN)
          .until(() -> rig.watchExpiry(office, user).isEmpty());
      long watches = rig.requests(WATCH);
      clock.advance(Duration.ofDays(2));
      office.bean(StreamingReconciler.class).tick().block(WITHIN);

      assertThat(rig.watchExpiry(office, user)).isEmpty();
      assertThat(rig.requests(WATCH)).isEqualTo(watches);
      assertThat(rig.target(office, user, "gmail").orElseThrow().closed()).isTrue();
      assertThat(ReconcilerRig.withoutLive(office, "gmail")).isZero();
    }
  }

  @Test
  void forgottenUserIsNotStreamed() {
    String user = rig.account("forgotten");
    try (OfficeInstance backfiller = rig.office(clock, NOT_STREAMING)) {
      ReconcilerRig.backfill(backfiller, user);
      backfiller.bean(ForgottenUsers.class).forget(user).block(WITHIN);
    }
    try (OfficeInstance office = rig.office(clock, Map.of())) {
      office.bean(StreamingReconciler.class).tick().block(WITHIN);

      assertThat(rig.watchExpiry(office, user)).isEmpty();
      assertThat(rig.requests(WATCH)).isZero();
      assertThat(rig.requests(CHANNEL)).isZero();
      assertThat(ReconcilerRig.withoutLive(office, "gmail")).isZero();
    }
  }

  private int attempts(OfficeInstance office, String user, String source) {
    return rig.target(office, user, source).map(Target::attempts).orElse(0);
  }
}
