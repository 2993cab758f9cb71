package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.calendar.CalendarCalls.ListFrom;
import dev.officeflow.office.providers.google.calendar.SyncStore.SyncState;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.publish.EventPublisher;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists what changed in a calendar and publishes it. One listing per calendar runs at a time across
 * instances (the sync lease); a request that finds one running only leaves {@code pending} set, and
 * the running one lists again before it lets go, so many notifications cost one or two listings.
 * The new sync token is stored only after the page's events are published; a refused token (410)
 * costs one full listing of the calendar.
 */
final class CalendarSyncer {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSyncer.class);

  private final SyncStore store;
  private final CalendarCalls calls;
  private final ChangeEvents events;
  private final EventPublisher publisher;
  private final StreamingMetrics metrics;
  private final CalendarStreamingSettings settings;
  private final Clock clock;
  private final String instanceId;

  CalendarSyncer(
      SyncStore store,
      CalendarCalls calls,
      ChangeEvents events,
      EventPublisher publisher,
      StreamingMetrics metrics,
      CalendarStreamingSettings settings,
      Clock clock,
      String instanceId) {
    this.store = store;
    this.calls = calls;
    this.events = events;
    this.publisher = publisher;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.instanceId = instanceId;
  }

  /** Asks for a listing of {@code key} and runs it unless a running one will. */
  Mono<Void> request(CalendarKey key) {
    return store.markPending(key).filter(known -> known).flatMap(known -> drain(key));
  }

  /** Runs the pending listings of {@code key} if nobody else is; never fails. */
  Mono<Void> drain(CalendarKey key) {
    String run = instanceId + ":" + UUID.randomUUID();
    return store
        .claimSync(key, run, settings.lease())
        .switchIfEmpty(Mono.fromRunnable(metrics.coalesced::increment))
        .flatMap(state -> loop(key, run, state));
  }

  private Mono<Void> loop(CalendarKey key, String run, SyncState state) {
    return listing(key, run, state)
        .then(Mono.defer(() -> store.finish(key, run, settings.lease())))
        .onErrorResume(
            e -> {
              LOG.warn("calendar {}: listing failed, left pending: {}", key, e.toString());
              return store.releaseFailed(key, run).then(Mono.empty());
            })
        .flatMap(next -> loop(key, run, next));
  }

  private Mono<Void> listing(CalendarKey key, String run, SyncState state) {
    boolean incremental = state.syncToken() != null;
    ListFrom from = new ListFrom(state.syncToken(), state.syncFrom());
    SyncType type = incremental ? SyncType.REAL_TIME : SyncType.INCREMENTAL_SYNC;
    return calls
        .open(key)
        .flatMap(
            session ->
                pages(session, key, from, type, null)
                    .onErrorResume(CalendarSyncer::gone, e -> resync(session, key)))
        .flatMap(
            token ->
                store.saveToken(key, run, token, clock.instant().plus(settings.pollInterval())))
        .filter(saved -> saved && incremental)
        .doOnNext(saved -> metrics.deltas.increment())
        .then();
  }

  private Mono<String> resync(GoogleSession session, CalendarKey key) {
    LOG.info("calendar {}: sync token refused, listing the whole calendar", key);
    metrics.resyncs.increment();
    return pages(session, key, new ListFrom(null, null), SyncType.INCREMENTAL_SYNC, null);
  }

  /** Lists and publishes page after page; answers the listing's next sync token. */
  private Mono<String> pages(
      GoogleSession s, CalendarKey key, ListFrom from, SyncType type, @Nullable String page) {
    return calls
        .list(s, key.calendarId(), from, page)
        .flatMap(events -> publish(s, key, events, type).thenReturn(events))
        .flatMap(
            events -> {
              if (events.getNextPageToken() != null) {
                return pages(s, key, from, type, events.getNextPageToken());
              }
              return Mono.justOrEmpty(events.getNextSyncToken())
                  .switchIfEmpty(Mono.error(() -> noSyncToken(key)));
            });
  }

  private Mono<Void> publish(GoogleSession s, CalendarKey key, Events page, SyncType type) {
    ZoneId zone = zone(page.getTimeZone());
    String account = s.credential().accountEmail();
    List<Event> items = page.getItems() == null ? List.of() : page.getItems();
    List<CalendarEvent> out =
        items.stream()
            .map(item -> events.of(key, account, item, zone, type))
            .flatMap(Optional::stream)
            .toList();
    return Flux.fromIterable(out)
        .flatMap(event -> Mono.fromFuture(() -> publisher.publish(event)))
        .then()
        .doOnSuccess(done -> metrics.events.increment(out.size()));
  }

  private static boolean gone(Throwable e) {
    return e instanceof GoogleFailure f && f.kind() == GoogleFailure.Kind.GONE;
  }

  /** A full listing without a sync token cannot be continued: treated like a refused token. */
  private static GoogleFailure noSyncToken(CalendarKey key) {
    return new GoogleFailure(
        GoogleFailure.Kind.GONE, 410, "calendar " + key + ": no nextSyncToken", null, null);
  }

  private static ZoneId zone(@Nullable String id) {
    try {
      return id == null ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
