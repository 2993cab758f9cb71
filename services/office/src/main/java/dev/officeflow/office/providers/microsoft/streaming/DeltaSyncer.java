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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * round from scratch, every item published again with the same keys.
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

  DeltaSyncer(
      DeltaStore store,
      GraphCalls graph,
      DeltaReader reader,
      ChangeMappings mappings,
      EventPublisher publisher,
      StreamingMetrics metrics,
      MicrosoftStreamingSettings settings,
      Clock clock,
      String instanceId) {
    this.store = store;
    this.graph = graph;
    this.reader = reader;
    this.mappings = mappings;
    this.publisher = publisher;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.instanceId = instanceId;
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
        .onErrorResume(
            e -> {
              LOG.warn("microsoft {}: delta round failed, left pending: {}", key, e.toString());
              return store.releaseFailed(key, run).then(Mono.empty());
            })
        .flatMap(next -> loop(key, run, next));
  }

  private Mono<Void> round(ResourceKey key, String run, DeltaState state) {
    return graph
        .open(key.userId(), key.provider())
        .flatMap(
            user ->
                rounds(user, key, state).onErrorResume(DeltaSyncer::gone, e -> resync(user, key)))
        .flatMap(link -> store.saveLink(key, run, link))
        .filter(saved -> saved && state.deltaLink() != null)
        .doOnNext(saved -> metrics.deltas.increment())
        .then();
  }

  /** The round from the stored link, else from scratch; answers the next delta link. */
  private Mono<String> rounds(GraphUser user, ResourceKey key, DeltaState state) {
    if (state.deltaLink() != null) {
      return pages(
          user,
          key,
          reader.follow(user, key.resource(), state.deltaLink()),
          null,
          SyncType.REAL_TIME);
    }
    return pages(
        user,
        key,
        reader.first(user, key.resource(), windows(state.syncFrom())),
        state.syncFrom(),
        SyncType.INCREMENTAL_SYNC);
  }

  /**
   * Graph lost the delta state: everything in the resource's window is read and published again.
   */
  private Mono<String> resync(GraphUser user, ResourceKey key) {
    LOG.info("microsoft {}: delta link refused, reading the resource from scratch", key);
    metrics.resyncs.increment();
    return pages(
        user,
        key,
        reader.first(user, key.resource(), windows(null)),
        null,
        SyncType.INCREMENTAL_SYNC);
  }

  /** Publishes page after page; answers the round's delta link. */
  private Mono<String> pages(
      GraphUser user,
      ResourceKey key,
      Mono<DeltaPage> page,
      @Nullable Instant changedSince,
      SyncType type) {
    return page.flatMap(p -> publish(user, key, p, changedSince, type).thenReturn(p))
        .flatMap(
            p -> {
              if (p.nextLink() != null) {
                return pages(
                    user,
                    key,
                    reader.follow(user, key.resource(), p.nextLink()),
                    changedSince,
                    type);
              }
              return Mono.justOrEmpty(p.deltaLink())
                  .switchIfEmpty(Mono.error(() -> noDeltaLink(key)));
            });
  }

  private Mono<Void> publish(
      GraphUser user, ResourceKey key, DeltaPage page, @Nullable Instant since, SyncType type) {
    ChangeMappings.Context context =
        new ChangeMappings.Context(
            key.userId(), user.credential().accountEmail(), key.provider(), key.resource());
    List<OfficeEvent> out =
        Stream.concat(
                page.changed().stream()
                    .filter(item -> since == null || changedSince(item, since))
                    .map(item -> mapped(context, item, type)),
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
    Instant anchor = syncFrom == null ? clock.instant() : syncFrom;
    return new Windows(
        anchor.minus(settings.mailWindow()),
        anchor.minus(settings.calendarBack()),
        anchor.plus(settings.calendarAhead()));
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
