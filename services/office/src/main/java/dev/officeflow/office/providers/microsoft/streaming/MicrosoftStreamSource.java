package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.providers.microsoft.streaming.GraphCalls.GraphUser;
import dev.officeflow.office.streaming.StopFailures;
import dev.officeflow.office.streaming.StreamSource;
import dev.officeflow.office.streaming.StreamTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Microsoft mailbox as the streaming reconciler keeps it: one source, {@code microsoft}, over
 * every resource the grant may read (inbox and sent items with {@code Mail.Read}, events with
 * {@code Calendars.Read}, contacts with {@code Contacts.Read}). A user needs work when no resource
 * streams yet, or one has no subscription that stays live past the renewal horizon ({@code
 * renew-before}); is live while every streamed resource has a subscription that has not expired.
 * The work registers each resource, creates, renews or recreates its subscription, and runs the
 * first round: from the position the backfill took before it read ({@link DeltaPositions}), so it
 * publishes exactly what changed since, deletions included; a resource without one (a job from
 * before positions, or one Graph refused) reads from scratch and publishes what was modified since
 * the backfill began. A resource the grant no longer covers has its subscription deleted and is
 * forgotten.
 */
final class MicrosoftStreamSource implements StreamSource {

  static final String NAME = "microsoft";
  static final String PROVIDER = "microsoft";

  private static final Logger LOG = LoggerFactory.getLogger(MicrosoftStreamSource.class);

  private static final String RESOURCES =
      "SELECT 1 FROM microsoft_delta d WHERE d.user_id = t.user_id AND d.provider = t.provider";
  private static final String WATCHED = RESOURCES + " AND d.refused_at IS NULL";
  private static final String SUBSCRIBED =
      "SELECT 1 FROM microsoft_subscriptions s WHERE s.user_id = d.user_id"
          + " AND s.provider = d.provider AND s.resource = d.resource";

  private final DeltaStore deltas;
  private final SubscriptionStore subscriptions;
  private final SubscriptionKeeper keeper;
  private final DeltaSyncer syncer;
  private final GraphCalls graph;
  private final MicrosoftStreamingSettings settings;

  MicrosoftStreamSource(
      DeltaStore deltas,
      SubscriptionStore subscriptions,
      SubscriptionKeeper keeper,
      DeltaSyncer syncer,
      GraphCalls graph,
      MicrosoftStreamingSettings settings) {
    this.deltas = deltas;
    this.subscriptions = subscriptions;
    this.keeper = keeper;
    this.syncer = syncer;
    this.graph = graph;
    this.settings = settings;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Condition needsWork(Instant now) {
    return new Condition(
        "(NOT EXISTS ("
            + RESOURCES
            + ") OR EXISTS ("
            + WATCHED
            + " AND NOT EXISTS ("
            + SUBSCRIBED
            + " AND s.expires_at > :microsoft_horizon)) OR EXISTS ("
            + RESOURCES
            + " AND d.last_synced_at < :microsoft_poll_due))",
        Map.of(
            "microsoft_horizon",
            now.plus(settings.renewBefore()),
            "microsoft_poll_due",
            now.minus(settings.pollInterval())));
  }

  @Override
  public Condition live(Instant now) {
    return new Condition(
        "(EXISTS ("
            + RESOURCES
            + ") AND NOT EXISTS ("
            + WATCHED
            + " AND NOT EXISTS ("
            + SUBSCRIBED
            + " AND s.expires_at > :microsoft_live_at)))",
        Map.of("microsoft_live_at", now));
  }

  /**
   * Registers every granted resource and keeps its subscription; each is tried even when one fails,
   * and the result fails if any did, so the reconciler backs off and tries again.
   */
  @Override
  public Mono<Void> ensure(StreamTarget target) {
    return graph
        .open(target.userId(), target.provider())
        .flatMap(
            user -> {
              List<GraphResource> granted = GraphResource.grantedBy(user.credential().scopes());
              return dropUngranted(user, target, granted)
                  .then(
                      Flux.fromIterable(granted)
                          .concatMapDelayError(r -> ensure(user, target, r))
                          .then());
            });
  }

  private Mono<Void> ensure(GraphUser user, StreamTarget target, GraphResource resource) {
    ResourceKey key = new ResourceKey(target.userId(), target.provider(), resource);
    return deltas
        .register(key, target.jobCreatedAt().minus(settings.catchUpMargin()))
        .then(subscribe(user, key))
        .then(syncer.request(key));
  }

  /**
   * Keeps the resource's subscription; a 403 (the grant lacks the resource's scope after all) marks
   * it refused rather than failing the user's other resources; a later success clears the mark.
   */
  private Mono<Void> subscribe(GraphUser user, ResourceKey key) {
    return keeper
        .ensure(user, key)
        .then(deltas.refused(key, false))
        .onErrorResume(
            MicrosoftStreamSource::forbidden,
            e -> {
              LOG.info("microsoft {}: no subscription allowed: {}", key, e.getMessage());
              return deltas.refused(key, true);
            })
        .then();
  }

  private static boolean forbidden(Throwable e) {
    return e instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.FORBIDDEN;
  }

  /** Deletes the subscriptions of resources the grant no longer covers, then forgets them. */
  private Mono<Void> dropUngranted(
      GraphUser user, StreamTarget target, List<GraphResource> granted) {
    return deltas
        .resources(target.userId(), target.provider())
        .filter(key -> !granted.contains(key.resource()))
        .concatMap(
            key ->
                subscriptions
                    .of(key)
                    .flatMap(
                        s -> keeper.delete(user, s).then(subscriptions.delete(s.subscriptionId())))
                    .then(deltas.forget(key)))
        .then();
  }

  @Override
  public Mono<Void> stop(String userId, String provider) {
    return stopAll(userId, Optional.of(provider));
  }

  /** Deletes the user's subscriptions at Graph (failures logged: they lapse) and their state. */
  Mono<Void> stopAll(String userId, Optional<String> provider) {
    return subscriptions
        .takeAll(userId, provider)
        .concatMap(
            s ->
                graph
                    .open(s.key().userId(), s.key().provider())
                    .flatMap(user -> keeper.delete(user, s))
                    .onErrorResume(
                        e -> {
                          LOG.info(
                              "subscription {}: not deleted: {}", s.subscriptionId(), e.toString());
                          return Mono.empty();
                        }))
        .then(deltas.forget(userId, provider))
        .then();
  }

  /**
   * A deleted user's purge: each subscription deleted at Graph and only then forgotten, so one
   * whose deletion fails keeps its row for the retry; gone or no grant left counts as deleted.
   */
  Mono<Void> purge(String userId) {
    return subscriptions
        .findAll(userId)
        .concatMapDelayError(
            s ->
                graph
                    .open(s.key().userId(), s.key().provider())
                    .flatMap(user -> keeper.deleteForPurge(user, s))
                    .onErrorResume(StopFailures::nothingLeftToStop, e -> Mono.empty())
                    .then(subscriptions.delete(s.subscriptionId())))
        .then(deltas.forget(userId, Optional.empty()))
        .then();
  }
}
