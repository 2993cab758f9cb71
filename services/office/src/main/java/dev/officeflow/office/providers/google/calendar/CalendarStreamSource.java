package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Calendar as the reconciler keeps it, for every calendar the office streams (the primary one): a
 * user needs work when the calendar has no opened channel, not being replaced, that stays open past
 * the renewal horizon ({@code renew-before}); is live while an opened channel has not expired. A
 * target new to its backfill registers the calendar (first listing from the backfill's start less
 * the catch-up margin), opens the channel and runs that listing.
 */
final class CalendarStreamSource implements StreamSource {

  static final String NAME = "calendar";

  private static final String CHANNEL =
      "SELECT 1 FROM calendar_channels c WHERE c.user_id = t.user_id AND c.provider = t.provider"
          + " AND c.calendar_id = '"
          + CalendarKey.PRIMARY
          + "' AND c.resource_id IS NOT NULL";

  private final SyncStore store;
  private final ChannelKeeper keeper;
  private final CalendarSyncer syncer;
  private final CalendarStreamingSettings settings;
  private final Clock clock;

  CalendarStreamSource(
      SyncStore store,
      ChannelKeeper keeper,
      CalendarSyncer syncer,
      CalendarStreamingSettings settings,
      Clock clock) {
    this.store = store;
    this.keeper = keeper;
    this.syncer = syncer;
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
        "NOT EXISTS ("
            + CHANNEL
            + " AND c.stop_after IS NULL AND c.expires_at > :calendar_horizon)",
        Map.of("calendar_horizon", now.plus(settings.renewBefore())));
  }

  @Override
  public Condition live(Instant now) {
    return new Condition(
        "EXISTS (" + CHANNEL + " AND c.expires_at > :calendar_live_at)",
        Map.of("calendar_live_at", now));
  }

  /**
   * Registers the calendar (nothing changes when it streams already), opens or replaces its
   * channel, and runs the first listing when streaming starts from this backfill or the calendar is
   * new.
   */
  @Override
  public Mono<Void> ensure(StreamTarget target) {
    CalendarKey key = CalendarKey.primary(target.userId(), target.provider());
    return store
        .register(
            key,
            target.jobCreatedAt().minus(settings.catchUpMargin()),
            clock.instant().plus(settings.pollInterval()))
        .flatMap(
            registered ->
                keeper
                    .ensure(key)
                    .then(registered || target.fresh() ? syncer.request(key) : Mono.<Void>empty()));
  }

  @Override
  public Mono<Void> stop(String userId, String provider) {
    return keeper
        .stopAll(userId, Optional.of(provider))
        .then(store.forget(userId, Optional.of(provider)))
        .then();
  }
}
