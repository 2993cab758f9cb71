package dev.officeflow.bench.legacybridge;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Acks and counts what arrives on one subscription: each message once by its key (a redelivery is
 * not a second arrival; a message without a key, an earlier phase's, is acked and not counted), its
 * bytes, the time of the last new one, and a latch for the expected count.
 */
final class Arrivals implements AutoCloseable {

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastArrival = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final CountDownLatch expected;
  private final Subscriber subscriber;

  /** Starts a subscriber of {@code streams} streaming pulls, as the services' consumers pull. */
  Arrivals(
      EmulatorPubSub pubSub,
      String subscription,
      int streams,
      long expected,
      Function<PubsubMessage, @Nullable String> key) {
    this.expected = new CountDownLatch((int) expected);
    subscriber =
        pubSub
            .subscribers(streams, 1000)
            .createSubscriber(
                subscription,
                (message, reply) -> {
                  String id = key.apply(message);
                  if (id == null) {
                    reply.ack();
                    return;
                  }
                  if (seen.add(id)) {
                    bytes.addAndGet(message.getData().size());
                    lastArrival.set(System.nanoTime());
                    this.expected.countDown();
                  } else {
                    duplicates.incrementAndGet();
                  }
                  reply.ack();
                });
    subscriber.startAsync().awaitRunning();
  }

  /** Whether every expected message arrived within {@code limit}. */
  boolean await(Duration limit) throws InterruptedException {
    return expected.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  long count() {
    return seen.size();
  }

  long bytes() {
    return bytes.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  /** {@link System#nanoTime()} of the last new arrival. */
  long lastArrivalNanos() {
    return lastArrival.get();
  }

  @Override
  public void close() {
    subscriber.stopAsync().awaitTerminated();
  }
}
