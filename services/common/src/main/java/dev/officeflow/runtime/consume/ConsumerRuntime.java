package dev.officeflow.runtime.consume;

import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherOperations;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.trace.Tracing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consumers of one service: starts a worker per subscription binding and stops them all
 * gracefully (stop pulling, finish in-flight messages; whatever is not acked is redelivered).
 */
public final class ConsumerRuntime implements AutoCloseable {

  private final SubscriberFactory subscribers;
  private final EventCodec codec;
  private final PayloadPointers pointers;
  private final Tracing tracing;
  private final DeadLetterPublisher deadLetters;
  private final ConsumerSettings settings;
  private final OutcomeObserver observer;
  private final List<SubscriptionWorker> workers = new CopyOnWriteArrayList<>();

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
    this.subscribers = subscribers;
    this.codec = codec;
    this.pointers = pointers;
    this.tracing = tracing;
    this.deadLetters = new DeadLetterPublisher(publisher);
    this.settings = settings;
    this.observer = observer;
  }

  /** Starts consuming {@code binding}'s subscription; returns once the streams are open. */
  public void start(SubscriptionBinding binding) {
    start(binding.spec(), new MessageProcessor(binding, codec, pointers, tracing));
  }

  /** Starts consuming {@code spec}'s subscription with a handler of raw messages. */
  public void start(SubscriptionSpec spec, MessageHandler handler) {
    start(spec, new RawMessageProcessor(spec, handler, tracing));
  }

  private void start(SubscriptionSpec spec, DeliveryProcessor processor) {
    SubscriptionWorker worker =
        new SubscriptionWorker(spec, processor, deadLetters, subscribers, observer);
    worker.start();
    workers.add(worker);
  }

  /** Messages received and not yet settled, across all subscriptions. */
  public long inFlight() {
    return workers.stream().mapToLong(SubscriptionWorker::inFlight).sum();
  }

  public ConsumerSettings settings() {
    return settings;
  }

  /** Stops every subscription, each waiting up to the shutdown timeout for in-flight messages. */
  public void stop() {
    workers.parallelStream().forEach(worker -> worker.stop(settings.shutdownTimeout()));
    workers.clear();
  }

  @Override
  public void close() {
    stop();
  }
}
