package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Calendar as the reconciler keeps it, for every selected calendar of the user ({@link
 * CalendarDirectory}): a user needs work when no calendar streams yet, or one of the streamed
 * calendars has no opened channel, not being replaced, that stays open past the renewal horizon
 * ({@code renew-before}); is live while every streamed calendar has an opened channel that has not
 * expired. The work lists the calendars again (so each start, repair and renewal costs one {@code
 * calendarList} request per page): a calendar no longer selected has its channels stopped and its
 * state deleted; each selected one is registered (first listing from the backfill's start less the
 * catch-up margin; a calendar the backfill did not read, added since, gets a full listing), gets
 * its channel opened or replaced, and its first listing when it is new or the backfill is.
 */
final class CalendarStreamSource implements StreamSource {

  static final String NAME = "calendar";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarStreamSource.class);

  private static final String CALENDARS =
      "SELECT 1 FROM calendar_sync s WHERE s.user_id = t.user_id AND s.provider = t.provider";
  private static final String WATCHED = CALENDARS + " AND s.push_refused_at IS NULL";
  private static final String CHANNEL =
      "SELECT 1 FROM calendar_channels c WHERE c.user_id = s.user_id AND c.provider = s.provider"
          + " AND c.calendar_id = s.calendar_id AND c.resource_id IS NOT NULL";

  private final SyncStore store;
  private final ChannelKeeper keeper;
  private final CalendarSyncer syncer;
  private final CalendarCalls calls;
  private final CalendarDirectory directory;
  private final CalendarStreamingSettings settings;
  private final Clock clock;

  CalendarStreamSource(
      SyncStore store,
      ChannelKeeper keeper,
      CalendarSyncer syncer,
      CalendarCalls calls,
      CalendarDirectory directory,
      CalendarStreamingSettings settings,
      Clock clock) {
    this.store = store;
    this.keeper = keeper;
    this.syncer = syncer;
    this.calls = calls;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Condition needsWork(Instant now) {
    return new Condition(
        "(NOT EXISTS ("
            + CALENDARS
            + ") OR EXISTS ("
            + WATCHED
            + " AND NOT EXISTS ("
            + CHANNEL
            + " AND c.stop_after IS NULL AND c.expires_at > :calendar_horizon)))",
        Map.of("calendar_horizon", now.plus(settings.renewBefore())));
  }

  @Override
  public Condition live(Instant now) {
    return new Condition(
        "(EXISTS ("
            + CALENDARS
            + ") AND NOT EXISTS ("
            + WATCHED
            + " AND NOT EXISTS ("
            + CHANNEL
            + " AND c.expires_at > :calendar_live_at)))",
        Map.of("calendar_live_at", now));
  }

  /**
   * Lists the calendars, drops those no longer selected, then registers each selected one (nothing
   * changes when it streams already), opens or replaces its channel, and runs its first listing
   * when streaming starts from this backfill or the calendar is new. Every calendar is tried even
   * when one fails; the result fails if any did, so the reconciler backs off and tries again.
   */
  @Override
  public Mono<Void> ensure(StreamTarget target) {
    return calls
        .open(target.userId(), target.provider())
        .flatMap(directory::selected)
        .flatMap(
            selected ->
                dropUnselected(target, selected)
                    .then(
                        Flux.fromIterable(selected)
                            .concatMapDelayError(id -> ensure(target, id))
                            .then()));
  }

  private Mono<Void> ensure(StreamTarget target, String calendarId) {
    CalendarKey key = new CalendarKey(target.userId(), target.provider(), calendarId);
    return store
        .register(key, syncFrom(target, calendarId), clock.instant().plus(settings.pollInterval()))
        .flatMap(
            registered ->
                watch(key)
                    .then(registered || target.fresh() ? syncer.request(key) : Mono.<Void>empty()));
  }

  /**
   * Opens or replaces the calendar's channel. A calendar other than the primary whose channel
   * Google refuses for good (400 {@code pushNotSupportedForRequestedResource} for holiday and other
   * read-only calendars, 403, 404) is marked to be listed by the safety net alone, rather than
   * failing the user's every other calendar with it; a later success clears the mark.
   */
  private Mono<Void> watch(CalendarKey key) {
    return keeper
        .ensure(key)
        .then(store.pushRefused(key, false))
        .onErrorResume(
            e -> refusedForGood(key, e),
            e -> {
              LOG.info(
                  "calendar {}: no channel, listed by the safety net: {}", key, e.getMessage());
              return store.pushRefused(key, true);
            })
        .then();
  }

  static boolean refusedForGood(CalendarKey key, Throwable e) {
    return !key.calendarId().equals(CalendarKey.PRIMARY)
        && e instanceof GoogleFailure f
        && (f.kind() == GoogleFailure.Kind.REJECTED
            || f.kind() == GoogleFailure.Kind.FORBIDDEN
            || f.kind() == GoogleFailure.Kind.NOT_FOUND);
  }

  /**
   * Where a new calendar's first listing starts: the backfill read every calendar selected when
   * streaming starts from it, so only what changed since it began; a calendar that appears later
   * was not read, so all of it (like a refused sync token).
   */
  private @Nullable Instant syncFrom(StreamTarget target, String calendarId) {
    boolean coveredByBackfill = target.fresh() || calendarId.equals(CalendarKey.PRIMARY);
    return coveredByBackfill ? target.jobCreatedAt().minus(settings.catchUpMargin()) : null;
  }

  /** Stops the channels of the streamed calendars no longer selected, then forgets them. */
  private Mono<Void> dropUnselected(StreamTarget target, List<String> selected) {
    return store
        .calendars(target.userId(), target.provider())
        .filter(key -> !selected.contains(key.calendarId()))
        .concatMap(key -> keeper.stopCalendar(key).then(store.forget(key)))
        .then();
  }

  @Override
  public Mono<Void> stop(String userId, String provider) {
    return keeper
        .stopAll(userId, Optional.of(provider))
        .then(store.forget(userId, Optional.of(provider)))
        .then();
  }
}
