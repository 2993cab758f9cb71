package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.OutlookItem;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.SyncType;
import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.providers.microsoft.streaming.DeltaReader.DeltaPage;
import dev.officeflow.office.providers.microsoft.streaming.DeltaReader.Windows;
import dev.officeflow.office.providers.microsoft.streaming.DeltaStore.DeltaState;
import dev.officeflow.office.providers.microsoft.streaming.GraphCalls.GraphUser;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs delta rounds per user and resource and publishes what they return. One round per resource
 * runs at a time across instances (the delta lease); a request that finds one running only leaves
 * {@code pending} set, and the running one reads again before it lets go, so a burst of
 * notifications costs one or two rounds. The delta link is stored only after the round's events are
 * published; a refused one (410 {@code syncStateNotFound} or {@code resyncRequired}) costs one
 * round from scratch, every item published again with the same keys. A failed round backs the
 * resource off ({@link RoundBackoff}); the calendar view's window moves forward when due ({@link
 * CalendarWindow}).
 */
final class DeltaSyncer {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaSyncer.class);

  private final DeltaStore store;
  private final GraphCalls graph;
  private final DeltaReader reader;
  private final ChangeMappings mappings;
  private final EventPublisher publisher;
  private final StreamingMetrics metrics;
  private final MicrosoftStreamingSettings settings;
  private final Clock clock;
  private final String instanceId;
  private final CalendarWindow window;
  private final RoundBackoff backoff;
  private final Counter roundFailures;

  /**
   * Instances' and the database's clocks differ a little: a retry comes this much after its due.
   */
  private static final Duration RETRY_SLACK = Duration.ofMillis(500);

  DeltaSyncer(
      DeltaStore store,
      GraphCalls graph,
      DeltaReader reader,
      ChangeMappings mappings,
      EventPublisher publisher,
      StreamingMetrics metrics,
      MicrosoftStreamingSettings settings,
      Clock clock,
      String instanceId,
      Counter roundFailures) {
    this.store = store;
    this.graph = graph;
    this.reader = reader;
    this.mappings = mappings;
    this.publisher = publisher;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.instanceId = instanceId;
    this.window = new CalendarWindow(settings, clock);
    this.backoff =
        new RoundBackoff(
            settings.roundBackoff(),
            settings.maxRoundBackoff(),
            ThreadLocalRandom.current()::nextDouble);
    this.roundFailures = roundFailures;
  }

  /** Asks for a round of {@code key} and runs it unless a running one will. */
  Mono<Void> request(ResourceKey key) {
    return store.markPending(key).filter(known -> known).flatMap(known -> drain(key));
  }

  /** Runs the pending rounds of {@code key} if nobody else is; never fails. */
  Mono<Void> drain(ResourceKey key) {
    String run = instanceId + ":" + UUID.randomUUID();
    return store
        .claimSync(key, run, settings.lease())
        .switchIfEmpty(Mono.fromRunnable(metrics.coalesced::increment))
        .flatMap(state -> loop(key, run, state));
  }

  private Mono<Void> loop(ResourceKey key, String run, DeltaState state) {
    return round(key, run, state)
        .then(Mono.defer(() -> store.finish(key, run, settings.lease())))
        .onErrorResume(e -> failed(key, run, state, e).then(Mono.empty()))
        .flatMap(next -> loop(key, run, next));
  }

  /**
   * A failed round backs off ({@link RoundBackoff}): the failure is counted, logged and stored with
   * the resource, and this instance runs the round again when the wait is over (any instance's
   * notification or safety-net poll would too, no earlier).
   */
  private Mono<Void> failed(ResourceKey key, String run, DeltaState state, Throwable e) {
    int failures = state.failures() + 1;
    Duration wait = backoff.after(failures, e);
    roundFailures.increment();
    LOG.warn(
        "microsoft {}: delta round failed ({} in a row), next round in {} ms: {}",
        key,
        failures,
        wait.toMillis(),
        e.toString());
    return store
        .releaseFailed(key, run, wait, String.valueOf(e.getMessage()))
        .filter(released -> released)
        .doOnNext(released -> retryAfter(key, wait))
        .then();
  }

  /**
   * Runs the round again once its wait is over, a little after, as the database's clock sees it.
   */
  private void retryAfter(ResourceKey key, Duration wait) {
    Mono.delay(wait.plus(RETRY_SLACK))
        .then(Mono.defer(() -> drain(key)))
        .subscribe(null, e -> LOG.warn("microsoft {}: retry round failed: {}", key, e.toString()));
  }

  private Mono<Void> round(ResourceKey key, String run, DeltaState state) {
    return graph
        .open(key.userId(), key.provider())
        .flatMap(
            user ->
                rounds(user, key, state).onErrorResume(DeltaSyncer::gone, e -> resync(user, key)))
        .flatMap(r -> store.saveLink(key, run, r.deltaLink(), r.windowEnd()))
        .filter(saved -> saved && state.deltaLink() != null)
        .doOnNext(saved -> metrics.deltas.increment())
        .then();
  }

  /** A round's outcome: the next delta link, and the calendar window's end when it was set. */
  private record Round(String deltaLink, @Nullable Instant windowEnd) {}

  /**
   * The round from the stored link (then, for the calendar view when its window is due to move, a
   * round over the moved window), else from scratch; answers the next delta link.
   */
  private Mono<Round> rounds(GraphUser user, ResourceKey key, DeltaState state) {
    if (state.deltaLink() != null) {
      Instant started = clock.instant();
      Mono<Round> followed =
          pages(
                  user,
                  key,
                  reader.follow(user, key.resource(), state.deltaLink()),
                  item -> true,
                  SyncType.REAL_TIME)
              .map(link -> new Round(link, null));
      if (key.resource() != GraphResource.EVENTS || !window.due(state.windowEnd())) {
        return followed;
      }
      return followed.then(Mono.defer(() -> moveWindow(user, key, state.windowEnd(), started)));
    }
    Windows windows = windows(state.syncFrom());
    Instant since = state.syncFrom();
    return pages(
            user,
            key,
            reader.first(user, key.resource(), windows),
            item -> since == null || changedSince(item, since),
            SyncType.INCREMENTAL_SYNC)
        .map(link -> new Round(link, windows.calendarEnd()));
  }

  /**
   * The calendar view's window moved forward ({@link CalendarWindow}): a round from scratch over
   * the new window replaces the old delta, publishing only what the old one could not have seen.
   * Nothing is deleted: a from-scratch round reports no removals, so events that merely left the
   * window stay as they are.
   */
  private Mono<Round> moveWindow(
      GraphUser user, ResourceKey key, @Nullable Instant oldEnd, Instant followedAt) {
    Windows windows = windows(null);
    LOG.info(
        "microsoft {}: calendar window moves to {}..{}",
        key,
        windows.calendarStart(),
        windows.calendarEnd());
    Instant changedAfter = followedAt.minus(settings.catchUpMargin());
    return pages(
            user,
            key,
            reader.first(user, key.resource(), windows),
            item -> window.unseen(item, oldEnd) || changedSince(item, changedAfter),
            SyncType.INCREMENTAL_SYNC)
        .map(link -> new Round(link, windows.calendarEnd()));
  }

  /**
   * Graph lost the delta state: everything in the resource's window is read and published again.
   */
  private Mono<Round> resync(GraphUser user, ResourceKey key) {
    LOG.info("microsoft {}: delta link refused, reading the resource from scratch", key);
    metrics.resyncs.increment();
    Windows windows = windows(null);
    return pages(
            user,
            key,
            reader.first(user, key.resource(), windows),
            item -> true,
            SyncType.INCREMENTAL_SYNC)
        .map(link -> new Round(link, windows.calendarEnd()));
  }

  /** Publishes page after page what {@code publish} selects; answers the round's delta link. */
  private Mono<String> pages(
      GraphUser user,
      ResourceKey key,
      Mono<DeltaPage> page,
      Predicate<OutlookItem> publish,
      SyncType type) {
    return page.flatMap(p -> publish(user, key, p, publish, type).thenReturn(p))
        .flatMap(
            p -> {
              if (p.nextLink() != null) {
                return pages(
                    user, key, reader.follow(user, key.resource(), p.nextLink()), publish, type);
              }
              return Mono.justOrEmpty(p.deltaLink())
                  .switchIfEmpty(Mono.error(() -> noDeltaLink(key)));
            });
  }

  private Mono<Void> publish(
      GraphUser user,
      ResourceKey key,
      DeltaPage page,
      Predicate<OutlookItem> selected,
      SyncType type) {
    ChangeMappings.Context context =
        new ChangeMappings.Context(
            key.userId(), user.credential().accountEmail(), key.provider(), key.resource());
    List<OfficeEvent> out =
        Stream.concat(
                page.changed().stream().filter(selected).map(item -> mapped(context, item, type)),
                page.removed().stream().map(id -> mappings.removed(context, id, type)))
            .flatMap(Optional::stream)
            .toList();
    return Flux.fromIterable(out)
        .flatMap(event -> Mono.fromFuture(() -> publisher.publish(event)))
        .then()
        .doOnSuccess(done -> metrics.events.increment(out.size()));
  }

  /**
   * The item's event; empty, logged, when it cannot be mapped (an invalid field), so one odd item
   * never holds back the resource's stream.
   */
  private Optional<OfficeEvent> mapped(
      ChangeMappings.Context context, OutlookItem item, SyncType type) {
    try {
      return map(context, item, type);
    } catch (RuntimeException e) {
      LOG.warn(
          "microsoft {}/{}: item {} not mapped: {}",
          context.userId(),
          context.resource().wire(),
          item.getId(),
          e.toString());
      return Optional.empty();
    }
  }

  private Optional<OfficeEvent> map(
      ChangeMappings.Context context, OutlookItem item, SyncType type) {
    if (item instanceof Message m) {
      return mappings.message(context, m, type);
    }
    if (item instanceof Event e) {
      return mappings.event(context, e, type);
    }
    if (item instanceof Contact c) {
      return mappings.contact(context, c, type);
    }
    return Optional.empty();
  }

  /**
   * The first round after a backfill skips what the backfill read unchanged: an item is published
   * only when it changed since the backfill began (less the margin); one without a time is.
   */
  private static boolean changedSince(OutlookItem item, Instant since) {
    return item.getLastModifiedDateTime() == null
        || !item.getLastModifiedDateTime().toInstant().isBefore(since);
  }

  private Windows windows(@Nullable Instant syncFrom) {
    return Windows.around(syncFrom == null ? clock.instant() : syncFrom, settings);
  }

  private static boolean gone(Throwable e) {
    return e instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.GONE;
  }

  /** A round that ends without a delta link cannot be continued: treated like a refused link. */
  private static ProviderFailure noDeltaLink(ResourceKey key) {
    return new ProviderFailure(
        "microsoft",
        ProviderFailure.Kind.GONE,
        410,
        "microsoft " + key + ": the delta round ended without @odata.deltaLink",
        null,
        null);
  }
}
