package dev.officeflow.office.streaming.calendar;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.lifecycle.BackfillCompleted;
import dev.officeflow.office.lifecycle.IntegrationClosed;
import dev.officeflow.office.lifecycle.UserForgotten;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import reactor.core.publisher.Mono;

/**
 * Starts streaming a user's calendar when their backfill completed, and stops it (channels stopped,
 * state forgotten) when the integration closes or the user is deleted. The work runs after the
 * listener returns: the publisher's thread is never held.
 */
final class CalendarLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarLifecycle.class);
  private static final String GOOGLE = "google";
  private static final String CALENDAR_SOURCE = "calendar";

  private final BackfillService backfills;
  private final SyncStore store;
  private final ChannelKeeper keeper;
  private final CalendarSyncer syncer;
  private final CalendarStreamingSettings settings;
  private final Clock clock;

  CalendarLifecycle(
      BackfillService backfills,
      SyncStore store,
      ChannelKeeper keeper,
      CalendarSyncer syncer,
      CalendarStreamingSettings settings,
      Clock clock) {
    this.backfills = backfills;
    this.store = store;
    this.keeper = keeper;
    this.syncer = syncer;
    this.settings = settings;
    this.clock = clock;
  }

  @EventListener
  void on(BackfillCompleted completed) {
    if (GOOGLE.equals(completed.provider())) {
      run("start streaming " + completed.userId(), start(completed));
    }
  }

  @EventListener
  void on(IntegrationClosed closed) {
    run("stop streaming " + closed.userId(), stop(closed.userId(), Optional.of(closed.provider())));
  }

  @EventListener
  void on(UserForgotten forgotten) {
    run("forget " + forgotten.userId(), stop(forgotten.userId(), Optional.empty()));
  }

  /**
   * Registers the calendar with the backfill's start (less a margin) as the first listing's lower
   * bound, opens its channel, then runs that first listing.
   */
  Mono<Void> start(BackfillCompleted completed) {
    CalendarKey key = CalendarKey.primary(completed.userId(), completed.provider());
    return backfills
        .find(completed.jobId())
        .filter(CalendarLifecycle::readCalendar)
        .flatMap(
            job ->
                store.register(
                    key,
                    job.createdAt().minus(settings.catchUpMargin()),
                    clock.instant().plus(settings.pollInterval())))
        .flatMap(registered -> keeper.ensure(key).then(syncer.request(key)));
  }

  Mono<Void> stop(String userId, Optional<String> provider) {
    return keeper.stopAll(userId, provider).then(store.forget(userId, provider)).then();
  }

  /** A backfill that skipped the calendar (no scope) has nothing to stream. */
  private static boolean readCalendar(BackfillJob job) {
    return !job.skippedSources().containsKey(CALENDAR_SOURCE);
  }

  private static void run(String what, Mono<Void> work) {
    work.subscribe(null, e -> LOG.warn("calendar streaming: {} failed: {}", what, e.toString()));
  }
}
