package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.Subscription;
import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.providers.microsoft.streaming.GraphCalls.GraphUser;
import dev.officeflow.office.providers.microsoft.streaming.SubscriptionStore.StoredSubscription;
import dev.officeflow.office.streaming.StopFailures;
import dev.officeflow.office.streaming.StreamingMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps one live Graph subscription per streamed resource: creates the first (with a fresh {@code
 * clientState}), renews it with {@code PATCH} before it expires, recreates it when Graph no longer
 * knows it (404, expired, or {@code subscriptionRemoved}), and deletes subscriptions when streaming
 * ends. Creating and renewing run under the resource's subscription lease, so two instances never
 * create one each.
 */
final class SubscriptionKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

  static final String CREATE = "subscriptions.create";
  static final String RENEW = "subscriptions.update";
  static final String REAUTHORIZE = "subscriptions.reauthorize";
  static final String DELETE = "subscriptions.delete";

  private final DeltaStore deltas;
  private final SubscriptionStore subscriptions;
  private final StreamingMetrics metrics;
  private final MicrosoftStreamingSettings settings;
  private final Clock clock;
  private final String instanceId;

  SubscriptionKeeper(
      DeltaStore deltas,
      SubscriptionStore subscriptions,
      StreamingMetrics metrics,
      MicrosoftStreamingSettings settings,
      Clock clock,
      String instanceId) {
    this.deltas = deltas;
    this.subscriptions = subscriptions;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.instanceId = instanceId;
  }

  /**
   * Makes sure {@code key} has a subscription that stays live past the renewal horizon: nothing
   * when it has, a renewal when it expires sooner, a new one when it has none or Graph lost it.
   * Nothing happens while another instance holds the lease; a refusal fails after the lease is
   * released, so the reconciler backs off.
   */
  Mono<Void> ensure(GraphUser user, ResourceKey key) {
    String owner = instanceId + ":" + UUID.randomUUID();
    Mono<Void> release = Mono.defer(() -> deltas.releaseSubscription(key, owner)).then();
    return deltas
        .claimSubscription(key, owner, settings.lease())
        .filter(claimed -> claimed)
        .flatMap(
            claimed ->
                keep(user, key).then(release).onErrorResume(e -> release.then(Mono.error(e))));
  }

  private Mono<Void> keep(GraphUser user, ResourceKey key) {
    Instant now = clock.instant();
    Instant horizon = now.plus(settings.renewBefore());
    return subscriptions
        .of(key)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return create(user, key);
              }
              StoredSubscription s = found.get();
              if (s.expiresAt().isAfter(horizon)) {
                return Mono.empty();
              }
              if (!s.expiresAt().isAfter(now)) {
                // Graph removed it silently at its expiry: only a new one notifies again.
                return subscriptions.delete(s.subscriptionId()).then(create(user, key));
              }
              return renew(user, s).onErrorResume(SubscriptionKeeper::gone, e -> recreate(user, s));
            });
  }

  /**
   * {@code subscriptionRemoved}: the row is dropped and a new subscription made under the lease, as
   * the reconciler would (nothing happens while another instance holds it: that one creates it).
   */
  Mono<Void> replace(GraphUser user, StoredSubscription gone) {
    return subscriptions.delete(gone.subscriptionId()).then(ensure(user, gone.key()));
  }

  /** Graph answered that the subscription is gone: another is created (the lease is held). */
  private Mono<Void> recreate(GraphUser user, StoredSubscription gone) {
    LOG.info("subscription {} of {} is gone, creating another", gone.subscriptionId(), gone.key());
    return subscriptions.delete(gone.subscriptionId()).then(create(user, gone.key()));
  }

  private Mono<Void> create(GraphUser user, ResourceKey key) {
    String secret = ClientStates.newSecret();
    Instant expires = clock.instant().plus(settings.lifetime());
    Subscription request = new Subscription();
    request.setChangeType(GraphResource.CHANGE_TYPES);
    request.setNotificationUrl(settings.notificationUrl());
    request.setLifecycleNotificationUrl(settings.lifecycleUrl());
    request.setResource(key.resource().subscriptionResource());
    request.setExpirationDateTime(utc(expires));
    request.setClientState(secret);
    return user.call(CREATE, graph -> graph.subscriptions().post(request))
        .flatMap(
            created ->
                subscriptions.insert(
                    new StoredSubscription(
                        created.getId(),
                        key,
                        ClientStates.sha256(secret),
                        granted(created, expires))));
  }

  /** Asks Graph for a later expiry; fails {@code NOT_FOUND} when Graph no longer knows it. */
  Mono<Void> renew(GraphUser user, StoredSubscription s) {
    Instant expires = clock.instant().plus(settings.lifetime());
    Subscription patch = new Subscription();
    patch.setExpirationDateTime(utc(expires));
    return user.call(
            RENEW, graph -> graph.subscriptions().bySubscriptionId(s.subscriptionId()).patch(patch))
        .flatMap(answer -> subscriptions.renewed(s.subscriptionId(), granted(answer, expires)))
        .doOnSuccess(done -> metrics.renewals.increment());
  }

  /**
   * {@code reauthorizationRequired}: Graph wants the subscription confirmed with a current token;
   * reauthorizing and renewing both do, and the renewal also moves the expiry.
   */
  Mono<Void> reauthorize(GraphUser user, StoredSubscription s) {
    return user.call(
            REAUTHORIZE,
            graph -> {
              graph.subscriptions().bySubscriptionId(s.subscriptionId()).reauthorize().post();
              return Boolean.TRUE;
            })
        .then(renew(user, s))
        .onErrorResume(SubscriptionKeeper::gone, e -> recreate(user, s));
  }

  /** Deletes a subscription at Graph; one Graph no longer knows is fine. */
  Mono<Void> delete(GraphUser user, StoredSubscription s) {
    return user.call(
            DELETE,
            graph -> {
              graph.subscriptions().bySubscriptionId(s.subscriptionId()).delete();
              return Boolean.TRUE;
            })
        .then()
        .onErrorResume(SubscriptionKeeper::gone, e -> Mono.empty());
  }

  /**
   * A purge's stop: failures that leave nothing to stop (gone, no grant left) count as stopped
   * ({@link StopFailures}); others fail, to be retried with the purge.
   */
  Mono<Void> deleteForPurge(GraphUser user, StoredSubscription s) {
    return delete(user, s)
        .onErrorResume(
            StopFailures::nothingLeftToStop,
            e -> {
              LOG.info(
                  "subscription {}: left to lapse, nothing can stop it: {}",
                  s.subscriptionId(),
                  e.toString());
              return Mono.empty();
            });
  }

  static boolean gone(Throwable e) {
    return e instanceof ProviderFailure f
        && (f.kind() == ProviderFailure.Kind.NOT_FOUND || f.kind() == ProviderFailure.Kind.GONE);
  }

  private static Instant granted(Subscription answer, Instant asked) {
    return answer.getExpirationDateTime() == null
        ? asked
        : answer.getExpirationDateTime().toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
