package dev.officeflow.bench.vespafeed;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.pubsub.v1.PubsubMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The baseline: a plain subscriber that only acks, on the same kind of subscription. */
final class RawConsumeRun {

  private final BenchPubSub pubSub;
  private final String topic;
  private final String subscription;

  RawConsumeRun(BenchPubSub pubSub, String topic, String subscription) {
    this.pubSub = pubSub;
    this.topic = topic;
    this.subscription = subscription;
  }

  Rate run(List<PubsubMessage> messages, Duration limit) throws InterruptedException {
    AtomicReference<CountDownLatch> remaining = new AtomicReference<>(new CountDownLatch(0));
    // Redeliveries must not count: only the first delivery of each message does.
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Subscriber subscriber =
        pubSub
            .subscribers()
            .createSubscriber(
                subscription,
                (message, reply) -> {
                  reply.ack();
                  if (seen.add(message.getMessageId())) {
                    remaining.get().countDown();
                  }
                });
    subscriber.startAsync().awaitRunning();
    try {
      remaining.set(new CountDownLatch(messages.size()));
      long start = System.nanoTime();
      pubSub.publishAll(topic, messages);
      long published = System.nanoTime();
      if (!remaining.get().await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "raw consumer: " + remaining.get().getCount() + " messages missing after " + limit);
      }
      long done = System.nanoTime();
      return new Rate(messages.size(), published - start, done - start);
    } finally {
      subscriber.stopAsync().awaitTerminated();
    }
  }
}
