package dev.officeflow.runtime.consume;

import com.google.api.core.ApiService;
import com.google.cloud.pubsub.v1.AckReplyConsumer;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one subscription: pulls with the factory's streams and flow control, refuses bodies above
 * the size limit before anything decodes them, hands each message to its {@link DeliveryProcessor}
 * within the process's byte budget, and settles it. A retry on the last allowed delivery is
 * dead-lettered by the runtime itself, so the reason travels with it. An outage of a dependency
 * ({@link Outcome.Action#UNAVAILABLE}) pauses the subscription instead ({@link OutageHold}).
 */
final class SubscriptionWorker {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);

  private final SubscriptionSpec spec;
  private final DeliveryProcessor processor;
  private final DeadLetterPublisher deadLetters;
  private final SubscriberFactory subscribers;
  private final OutcomeObserver observer;
  private final ConsumerSettings settings;
  private final ByteBudget budget;
  private final OutageHold outage;
  private final AtomicLong inFlight = new AtomicLong();
  private volatile @Nullable Subscriber subscriber;

  SubscriptionWorker(
      SubscriptionSpec spec,
      DeliveryProcessor processor,
      DeadLetterPublisher deadLetters,
      SubscriberFactory subscribers,
      OutcomeObserver observer,
      ConsumerSettings settings,
      ByteBudget budget) {
    this.spec = spec;
    this.processor = processor;
    this.deadLetters = deadLetters;
    this.subscribers = subscribers;
    this.observer = observer;
    this.settings = settings;
    this.budget = budget;
    this.outage = new OutageHold(spec.name(), settings, this::dispatch);
  }

  /**
   * Opens a new subscriber (a stopped one cannot be restarted) and returns once its streams are
   * open. The caller serializes start and stop.
   */
  void start() {
    outage.open();
    Subscriber started = subscribers.createSubscriber(spec.name(), this::receive);
    subscriber = started;
    started.startAsync().awaitRunning();
    log.info("consuming {} (topic {})", spec.name(), spec.topic());
  }

  /**
   * Stops pulling, gives the messages an outage holds back to Pub/Sub, then waits for the messages
   * the client already holds to be settled.
   */
  void stop(Duration timeout) {
    Subscriber running = subscriber;
    if (running == null) {
      return;
    }
    running.stopAsync();
    List<OutageHold.Received> held = outage.stop();
    if (!held.isEmpty()) {
      log.info(
          "{}: stopping during an outage, returning {} held messages", spec.name(), held.size());
      held.forEach(received -> answer(received, false));
    }
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

  /** Whether an outage of a dependency holds this subscription paused. */
  boolean pausedByOutage() {
    return outage.paused();
  }

  private void receive(PubsubMessage message, AckReplyConsumer reply) {
    inFlight.incrementAndGet();
    Integer attempt = Subscriber.getDeliveryAttempt(message);
    OutageHold.Received received =
        new OutageHold.Received(message, reply, attempt == null ? 0 : attempt);
    int size = message.getData().size();
    if (size > settings.maxMessageBytes()) {
      // Refused before decoding: a hostile body never becomes a byte[], a JSON tree or strings.
      settle(received, Outcome.deadLetter("too_large: " + size + " bytes"));
    } else if (!outage.hold(received)) {
      dispatch(received);
    }
  }

  /** Handles a message once the process's byte budget has room for it. */
  private void dispatch(OutageHold.Received received) {
    long bytes = received.message().getData().size();
    budget.acquire(bytes, () -> process(received, bytes));
  }

  private void process(OutageHold.Received received, long bytes) {
    processor
        .process(received.message(), received.deliveryAttempt())
        .subscribe(
            outcome -> {
              budget.release(bytes);
              finish(received, outcome);
            },
            error -> {
              budget.release(bytes);
              log.error("{}: unclassified failure, nacking", spec.name(), error);
              observer.settled(spec.name(), "failed");
              answer(received, false);
            });
  }

  private void finish(OutageHold.Received received, Outcome outcome) {
    if (outcome.action() == Outcome.Action.UNAVAILABLE) {
      observer.settled(spec.name(), OutcomeObserver.label(outcome));
      if (!outage.unavailable(received, outcome.reason())) {
        answer(received, false); // stopping: back to Pub/Sub
      }
      return;
    }
    settle(received, outcome);
    outage.settled(received);
  }

  private void settle(OutageHold.Received received, Outcome outcome) {
    int deliveryAttempt = received.deliveryAttempt();
    boolean exhausted =
        outcome.action() == Outcome.Action.RETRY && deliveryAttempt >= spec.maxDeliveryAttempts();
    observer.settled(spec.name(), exhausted ? "dead_letter" : OutcomeObserver.label(outcome));
    switch (outcome.action()) {
      case ACK -> answer(received, true);
      case RETRY -> {
        if (exhausted) {
          deadLetter(received, outcome.reason());
        } else {
          log.debug(
              "{}: retrying {}: {}",
              spec.name(),
              received.message().getMessageId(),
              outcome.reason());
          answer(received, false);
        }
      }
      case DEAD_LETTER -> deadLetter(received, outcome.reason());
      case UNAVAILABLE -> throw new IllegalStateException("an outage is held, never settled");
    }
  }

  private void deadLetter(OutageHold.Received received, String reason) {
    PubsubMessage message = received.message();
    log.warn("{}: dead-lettering {}: {}", spec.name(), message.getMessageId(), reason);
    deadLetters
        .publish(spec, message, reason, received.deliveryAttempt())
        .whenComplete(
            (id, error) -> {
              if (error == null) {
                observer.deadLettered(spec.name(), reason);
              }
              answer(received, error == null);
            });
  }

  private void answer(OutageHold.Received received, boolean ack) {
    if (!received.claim()) {
      return;
    }
    if (ack) {
      received.reply().ack();
    } else {
      received.reply().nack();
    }
    inFlight.decrementAndGet();
  }
}
