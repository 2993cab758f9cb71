package dev.officeflow.notifier.feed;

import com.google.pubsub.v1.PubsubMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a notification's time goes before the user's channel, per subscription: {@code
 * officeflow_notifier_feed_received_lag_seconds} from Pub/Sub's publish time to the handler's
 * receipt (the broker and the subscriber client), and {@code
 * officeflow_notifier_feed_handled_seconds} from receipt to the outcome (the append to Redis, or a
 * count for the coalescer). Both are histograms, so the latency's tail can be read off {@code
 * /actuator/prometheus} (bench/notifier does) without tracing every message. Thread-safe.
 */
final class FeedTimings {

  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, Timer> lags = new ConcurrentHashMap<>();
  private final Map<String, Timer> handled = new ConcurrentHashMap<>();

  FeedTimings(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Records the message's time since its publish; returns the receipt's {@link System#nanoTime}.
   */
  long received(String subscription, PubsubMessage message) {
    if (message.hasPublishTime()) {
      long published =
          TimeUnit.SECONDS.toMillis(message.getPublishTime().getSeconds())
              + TimeUnit.NANOSECONDS.toMillis(message.getPublishTime().getNanos());
      // Another host's clock may run ahead of this one's: a negative lag counts as none.
      long lag = Math.max(0, clock.millis() - published);
      timer(lags, "officeflow.notifier.feed.received.lag", subscription)
          .record(lag, TimeUnit.MILLISECONDS);
    }
    return System.nanoTime();
  }

  /** Records the time from {@code receivedNanos} (what {@link #received} returned) until now. */
  void handled(String subscription, long receivedNanos) {
    timer(handled, "officeflow.notifier.feed.handled", subscription)
        .record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Map<String, Timer> timers, String name, String subscription) {
    return timers.computeIfAbsent(
        subscription,
        s ->
            Timer.builder(name)
                .tag("subscription", s)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters));
  }
}
