package dev.officeflow.runtime.consume;

import com.google.api.core.ApiService;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription: pulls with the factory's streams and flow control, hands each message to
 * its {@link DeliveryProcessor}, and settles it. A retry on the last allowed delivery is
 * dead-lettered by the runtime itself, so the reason travels with it.
 */
final class SubscriptionWorker {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);

  private final SubscriptionSpec spec;
  private final DeliveryProcessor processor;
  private final DeadLetterPublisher deadLetters;
  private final SubscriberFactory subscribers;
  private final OutcomeObserver observer;
  private final AtomicLong inFlight = new AtomicLong();
  private volatile @Nullable Subscriber subscriber;

  SubscriptionWorker(
      SubscriptionSpec spec,
      DeliveryProcessor processor,
      DeadLetterPublisher deadLetters,
      SubscriberFactory subscribers,
      OutcomeObserver observer) {
    this.spec = spec;
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.subscribers = subscribers;
    this.observer = observer;
  }

  /**
   * Opens a new subscriber (a stopped one cannot be restarted) and returns once its streams are
   * open. The caller serializes start and stop.
   */
  void start() {
    Subscriber started = subscribers.createSubscriber(spec.name(), this::receive);
    subscriber = started;
    started.startAsync().awaitRunning();
    log.info("consuming {} (topic {})", spec.name(), spec.topic());
  }

  /** Stops pulling, then waits for the messages the client already holds to be settled. */
  void stop(Duration timeout) {
    Subscriber running = subscriber;
    if (running == null) {
      return;
    }
    running.stopAsync();
    try {
      running.awaitTerminated(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("{}: {} messages still in flight after {}", spec.name(), inFlight.get(), timeout);
    } catch (IllegalStateException e) {
      // A subscriber that failed (its subscription deleted, say) has nothing left to stop.
      log.warn("{}: subscriber had failed: {}", spec.name(), e.getMessage());
    }
  }

  /**
   * The subscription, its subscriber's state ({@code NEW} before the first start) and in-flight.
   */
  SubscriptionStatus status() {
    Subscriber current = subscriber;
    ApiService.State state = current == null ? ApiService.State.NEW : current.state();
    return new SubscriptionStatus(spec.name(), spec.topic(), state, inFlight.get());
  }

  String subscription() {
    return spec.name();
  }

  long inFlight() {
    return inFlight.get();
  }

  private void receive(PubsubMessage message, AckReplyConsumer reply) {
    inFlight.incrementAndGet();
    Integer attempt = Subscriber.getDeliveryAttempt(message);
    int deliveryAttempt = attempt == null ? 0 : attempt;
    processor
        .process(message, deliveryAttempt)
        .subscribe(
            outcome -> settle(message, deliveryAttempt, outcome, reply),
            error -> {
              log.error("{}: unclassified failure, nacking", spec.name(), error);
              observer.settled(spec.name(), "failed");
              settled(reply, false);
            });
  }

  private void settle(
      PubsubMessage message, int deliveryAttempt, Outcome outcome, AckReplyConsumer reply) {
    boolean exhausted =
        outcome.action() == Outcome.Action.RETRY && deliveryAttempt >= spec.maxDeliveryAttempts();
    observer.settled(spec.name(), exhausted ? "dead_letter" : OutcomeObserver.label(outcome));
    switch (outcome.action()) {
      case ACK -> settled(reply, true);
      case RETRY -> {
        if (exhausted) {
          deadLetter(message, deliveryAttempt, outcome.reason(), reply);
        } else {
          log.debug("{}: retrying {}: {}", spec.name(), message.getMessageId(), outcome.reason());
          settled(reply, false);
        }
      }
      case DEAD_LETTER -> deadLetter(message, deliveryAttempt, outcome.reason(), reply);
    }
  }

  private void deadLetter(
      PubsubMessage message, int deliveryAttempt, String reason, AckReplyConsumer reply) {
    log.warn("{}: dead-lettering {}: {}", spec.name(), message.getMessageId(), reason);
    deadLetters
        .publish(spec, message, reason, deliveryAttempt)
        .whenComplete((id, error) -> settled(reply, error == null));
  }

  private void settled(AckReplyConsumer reply, boolean ack) {
    if (ack) {
      reply.ack();
    } else {
      reply.nack();
    }
    inFlight.decrementAndGet();
  }
}
