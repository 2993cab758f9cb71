package dev.officeflow.runtime.consume;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.OfficeflowRuntimeException;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.trace.Tracing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers of one service: starts a worker per subscription binding and stops them all
 * gracefully (stop pulling, finish in-flight messages; whatever is not acked is redelivered).
 *
 * <p>An operator can {@link #pause()} consumption (the backlog builds up in Pub/Sub, for example
 * during downstream maintenance) and {@link #resume()} it. Start, pause, resume and stop are
 * serialized with one another; {@link #status()} and {@link #inFlight()} never wait for them.
 *
 * <p>Apart from the operator's switch, each subscription pauses by itself while a dependency its
 * handler needs is down ({@link Outcome#unavailable}), and resumes when it answers again; {@link
 * #pausedByOutage()} counts them. All subscriptions share one budget of bytes in flight ({@link
 * ConsumerSettings#inFlightBytes()}).
 */
public final class ConsumerRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConsumerRuntime.class);

  private final SubscriberFactory subscribers;
  private final EventCodec codec;
  private final PayloadPointers pointers;
  private final Tracing tracing;
  private final DeadLetterPublisher deadLetters;
  private final ConsumerSettings settings;
  private final OutcomeObserver observer;
  private final ForgottenCheck forgotten;
  private final ByteBudget budget;
  private final List<SubscriptionWorker> workers = new CopyOnWriteArrayList<>();
  private final Object transitions = new Object();
  private volatile State state = State.RUNNING;

  public ConsumerRuntime(
      SubscriberFactory subscribers,
      PubSubPublisherOperations publisher,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      ConsumerSettings settings) {
    this(subscribers, publisher, codec, pointers, tracing, settings, OutcomeObserver.NONE);
  }

  public ConsumerRuntime(
      SubscriberFactory subscribers,
      PubSubPublisherOperations publisher,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      ConsumerSettings settings,
      OutcomeObserver observer) {
    this(subscribers, publisher, codec, pointers, tracing, settings, observer, null);
  }

  /**
   * @param forgottenUsers the service's record of purged users, whose later events are settled as
   *     {@code forgotten} without reaching a handler; null when the service keeps none
   */
  public ConsumerRuntime(
      SubscriberFactory subscribers,
      PubSubPublisherOperations publisher,
      EventCodec codec,
      PayloadPointers pointers,
      Tracing tracing,
      ConsumerSettings settings,
      OutcomeObserver observer,
      @Nullable ForgottenUsers forgottenUsers) {
    this.subscribers = subscribers;
    this.codec = codec;
    this.pointers = pointers;
    this.tracing = tracing;
    this.deadLetters = new DeadLetterPublisher(publisher);
    this.settings = settings;
    this.observer = observer;
    this.forgotten = new ForgottenCheck(forgottenUsers);
    this.budget = new ByteBudget(settings.inFlightBytes());
  }

  /**
   * Starts consuming {@code binding}'s subscription; returns once the streams are open. While the
   * runtime is paused the subscription is only remembered, and starts on {@link #resume()}.
   */
  public void start(SubscriptionBinding binding) {
    start(binding.spec(), new MessageProcessor(binding, codec, pointers, tracing, forgotten));
  }

  /** Starts consuming {@code spec}'s subscription with a handler of raw messages. */
  public void start(SubscriptionSpec spec, MessageHandler handler) {
    start(spec, new RawMessageProcessor(spec, handler, tracing));
  }

  private void start(SubscriptionSpec spec, DeliveryProcessor processor) {
    SubscriptionWorker worker =
        new SubscriptionWorker(
            spec, processor, deadLetters, subscribers, observer, settings, budget);
    synchronized (transitions) {
      if (state == State.RUNNING) {
        worker.start();
      }
      workers.add(worker);
    }
  }

  /**
   * Stops every subscriber as {@link #stop()} does (in-flight messages are settled within the
   * shutdown timeout or left to redelivery) but keeps the subscriptions for {@link #resume()}.
   * Pausing a paused runtime changes nothing.
   *
   * <p>Without messages in flight every stream closes at once. With some, the Pub/Sub client closes
   * a subscriber's parallel streams one after another, each once its own messages are settled, so
   * the streams still open go on delivering (and the runtime handling) new messages until then;
   * {@link #status()} shows such a subscriber as {@code STOPPING}.
   */
  public State pause() {
    synchronized (transitions) {
      if (state == State.PAUSED) {
        return state;
      }
      state = State.PAUSED;
      stopWorkers();
      log.info("paused {} subscriptions", workers.size());
      return state;
    }
  }

  /**
   * Starts a fresh subscriber on every subscription the runtime holds; returns once their streams
   * are open. Resuming a running runtime changes nothing. If a subscriber cannot start, the ones
   * already started stop again and the runtime stays paused.
   */
  public State resume() {
    synchronized (transitions) {
      if (state == State.RUNNING) {
        return state;
      }
      startWorkers();
      state = State.RUNNING;
      log.info("resumed {} subscriptions", workers.size());
      return state;
    }
  }

  /** Whether the runtime consumes or is paused. */
  public State state() {
    return state;
  }

  /** The state and every subscription's subscriber and in-flight count. */
  public ConsumerStatus status() {
    return new ConsumerStatus(state, workers.stream().map(SubscriptionWorker::status).toList());
  }

  /** Messages received and not yet settled, across all subscriptions. */
  public long inFlight() {
    return workers.stream().mapToLong(SubscriptionWorker::inFlight).sum();
  }

  /** Subscriptions paused by themselves because a dependency of their handler is down. */
  public long pausedByOutage() {
    return workers.stream().filter(SubscriptionWorker::pausedByOutage).count();
  }

  /** Bytes of message data being decoded and handled now, across all subscriptions. */
  public long inFlightBytes() {
    return budget.used();
  }

  public ConsumerSettings settings() {
    return settings;
  }

  /**
   * Stops every subscription, each waiting up to the shutdown timeout for in-flight messages, and
   * forgets them and any pause: a later {@link #start} consumes at once.
   */
  public void stop() {
    synchronized (transitions) {
      stopWorkers();
      workers.clear();
      state = State.RUNNING;
    }
  }

  private void startWorkers() {
    List<SubscriptionWorker> started = new ArrayList<>();
    for (SubscriptionWorker worker : workers) {
      try {
        worker.start();
        started.add(worker);
      } catch (RuntimeException e) {
        // The worker that failed has a failed subscriber, with nothing to stop.
        started.parallelStream().forEach(w -> w.stop(settings.shutdownTimeout()));
        throw new OfficeflowRuntimeException(
            "cannot resume " + worker.subscription() + ": " + e.getMessage(), e);
      }
    }
  }

  private void stopWorkers() {
    workers.parallelStream().forEach(worker -> worker.stop(settings.shutdownTimeout()));
  }

  @Override
  public void close() {
    stop();
  }
}
