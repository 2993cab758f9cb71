package dev.officeflow.bench.notifier;

import com.google.cloud.pubsub.v1.Subscriber;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.Latencies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator alone: a subscriber of its own subscription on the topic the notifier reads, with
 * the notifier's streams and flow control, that only timestamps and acks. Beside the notifier's own
 * timings it tells the broker's share of the latency from the subscriber's and the handler's.
 */
final class PlainSubscriber implements AutoCloseable {

  private static final Pattern SENT = Pattern.compile("\"last_updated\":\"([^\"]+)\"");

  private final Latencies publishCall = new Latencies();
  private final Latencies toReceived = new Latencies();
  private final WorstBySecond worstBySecond = new WorstBySecond();
  private final Subscriber subscriber;

  /** Creates {@code subscription} on {@code topic} and starts reading it. */
  PlainSubscriber(
      EmulatorPubSub pubSub, String topic, String subscription, int streams, long outstanding) {
    pubSub.admin().createSubscription(subscription, topic);
    subscriber =
        pubSub
            .subscribers(streams, outstanding)
            .createSubscriber(
                subscription,
                (message, reply) -> {
                  long now = System.currentTimeMillis();
                  reply.ack();
                  record(message, now);
                });
    subscriber.startAsync().awaitRunning();
  }

  private void record(PubsubMessage message, long received) {
    long published = millis(message.getPublishTime());
    toReceived.record(Math.max(0, received - published) * 1_000_000L);
    Matcher sent = SENT.matcher(message.getData().toString(StandardCharsets.UTF_8));
    if (sent.find()) {
      long created = Instant.parse(sent.group(1)).toEpochMilli();
      publishCall.record(Math.max(0, published - created) * 1_000_000L);
      worstBySecond.record(created, received - created);
    }
  }

  private static long millis(Timestamp time) {
    return time.getSeconds() * 1000 + time.getNanos() / 1_000_000;
  }

  int count() {
    return toReceived.count();
  }

  /** Forgets the latencies recorded so far (a warm-up's); the subscriber keeps reading. */
  void clear() {
    publishCall.clear();
    toReceived.clear();
    worstBySecond.clear();
  }

  /** From the event's creation to the emulator's publish time, and from there to the receipt. */
  String summary() {
    return "created -> emulator's publish time: "
        + publishCall.summary()
        + "; publish time -> plain subscriber: "
        + toReceived.summary()
        + "; longest ms (created -> plain subscriber) by second: "
        + worstBySecond;
  }

  @Override
  public void close() {
    subscriber.stopAsync().awaitTerminated();
  }
}
