package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.providers.microsoft.streaming.SubscriptionStore.StoredSubscription;
import dev.officeflow.office.streaming.StreamingMetrics;
import io.micrometer.core.instrument.Counter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Checks each notification against its stored subscription and acts on the genuine ones: a change
 * notification asks for a delta round of its user and resource; {@code reauthorizationRequired}
 * reauthorizes and renews; {@code subscriptionRemoved} creates a new subscription and reads what
 * may have been missed meanwhile; {@code missed} reads by delta. The work runs after the answer.
 */
final class NotificationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationHandler.class);

  private final SubscriptionStore subscriptions;
  private final SubscriptionKeeper keeper;
  private final DeltaSyncer syncer;
  private final GraphCalls graph;
  private final StreamingMetrics metrics;
  private final Counter forged;

  NotificationHandler(
      SubscriptionStore subscriptions,
      SubscriptionKeeper keeper,
      DeltaSyncer syncer,
      GraphCalls graph,
      StreamingMetrics metrics,
      Counter forged) {
    this.subscriptions = subscriptions;
    this.keeper = keeper;
    this.syncer = syncer;
    this.graph = graph;
    this.metrics = metrics;
    this.forged = forged;
  }

  /**
   * The stored subscription {@code n} names when its {@code clientState} is that subscription's
   * (compared in constant time); empty, and counted as forged, otherwise.
   */
  Mono<StoredSubscription> verify(GraphNotification n) {
    String presented = n.clientState();
    return subscriptions
        .find(n.subscriptionId())
        .filter(s -> presented != null && ClientStates.matches(s.clientStateSha256(), presented))
        .switchIfEmpty(
            Mono.fromRunnable(
                () -> {
                  forged.increment();
                  LOG.warn("microsoft notification refused: {}", n);
                }));
  }

  /** Starts the work a genuine change notification asks for; returns at once. */
  void changed(StoredSubscription s) {
    metrics.notifications.increment();
    run(s, "delta round", syncer.request(s.key()));
  }

  /** Starts the work a genuine lifecycle notification asks for; returns at once. */
  void lifecycle(StoredSubscription s, String event) {
    Mono<Void> work =
        switch (event) {
          case GraphNotification.REAUTHORIZATION_REQUIRED ->
              user(s).flatMap(u -> keeper.reauthorize(u, s));
          case GraphNotification.SUBSCRIPTION_REMOVED ->
              user(s).flatMap(u -> keeper.replace(u, s)).then(syncer.request(s.key()));
          case GraphNotification.MISSED -> syncer.request(s.key());
          default -> Mono.fromRunnable(() -> LOG.info("lifecycle event {} ignored", event));
        };
    run(s, event, work);
  }

  private Mono<GraphCalls.GraphUser> user(StoredSubscription s) {
    return graph.open(s.key().userId(), s.key().provider());
  }

  private static void run(StoredSubscription s, String what, Mono<Void> work) {
    work.subscribe(
        null,
        e ->
            LOG.warn(
                "microsoft {} ({}): {} failed: {}",
                s.key(),
                s.subscriptionId(),
                what,
                Optional.ofNullable(e.getMessage()).orElse(e.toString())));
  }
}
