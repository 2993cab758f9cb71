package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import dev.officeflow.office.providers.microsoft.StreamPositions;
import dev.officeflow.office.providers.microsoft.streaming.DeltaReader.DeltaPage;
import dev.officeflow.office.providers.microsoft.streaming.DeltaReader.Windows;
import dev.officeflow.office.providers.microsoft.streaming.GraphCalls.GraphUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link StreamPositions} by delta query: the phase's resources (mail: inbox and sent items;
 * calendar: the calendar view; contacts) each read by a whole initial delta round, page after page,
 * nothing published, and the round's {@code @odata.deltaLink} stored in {@code microsoft_delta}.
 * Its cost is the resource's item count over the delta page size in requests (2,000 messages at 100
 * a page: 20), the round streaming would otherwise read after the backfill to find its start. A
 * resource Graph refuses (403) is left to streaming's from-scratch round.
 */
final class DeltaPositions implements StreamPositions {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaPositions.class);

  private final DeltaStore deltas;
  private final ClientGraphCalls graph;
  private final DeltaReader reader;
  private final MicrosoftStreamingSettings settings;
  private final Clock clock;

  DeltaPositions(
      DeltaStore deltas,
      ClientGraphCalls graph,
      DeltaReader reader,
      MicrosoftStreamingSettings settings,
      Clock clock) {
    this.deltas = deltas;
    this.graph = graph;
    this.reader = reader;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Mono<Void> take(MicrosoftSession session, UUID jobId, Phase phase) {
    GraphUser user = graph.user(session);
    return Flux.fromIterable(resources(phase))
        .map(r -> new ResourceKey(session.userId(), MicrosoftScopes.PROVIDER, r))
        .concatMap(key -> take(user, key, jobId))
        .then();
  }

  private Mono<Void> take(GraphUser user, ResourceKey key, UUID jobId) {
    return deltas
        .positionNeeded(key, jobId)
        .filter(needed -> needed)
        .flatMap(
            needed -> {
              Windows windows = Windows.around(clock.instant(), settings);
              Instant end = key.resource() == GraphResource.EVENTS ? windows.calendarEnd() : null;
              return deltaLink(user, key, windows)
                  .flatMap(link -> deltas.position(key, jobId, link, end));
            })
        .onErrorResume(
            DeltaPositions::forbidden,
            e -> {
              LOG.info("microsoft {}: no streaming position taken: {}", key, e.getMessage());
              return Mono.empty();
            })
        .then();
  }

  /** Pages through a round from scratch; answers its delta link. */
  private Mono<String> deltaLink(GraphUser user, ResourceKey key, Windows windows) {
    return reader
        .first(user, key.resource(), windows)
        .expand(
            page ->
                page.nextLink() == null
                    ? Mono.empty()
                    : reader.follow(user, key.resource(), page.nextLink()))
        .last()
        .mapNotNull(DeltaPage::deltaLink)
        .switchIfEmpty(
            Mono.error(() -> new IllegalStateException(key + ": no @odata.deltaLink to start at")));
  }

  static List<GraphResource> resources(Phase phase) {
    return switch (phase) {
      case MAIL -> List.of(GraphResource.INBOX, GraphResource.SENT_ITEMS);
      case CALENDAR -> List.of(GraphResource.EVENTS);
      case CONTACTS -> List.of(GraphResource.CONTACTS);
      case DONE -> List.of();
    };
  }

  private static boolean forbidden(Throwable e) {
    return e instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.FORBIDDEN;
  }
}
