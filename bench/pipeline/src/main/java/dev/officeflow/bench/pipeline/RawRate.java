package dev.officeflow.bench.pipeline;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.spring.pubsub.core.PubSubConfiguration;
import com.google.cloud.spring.pubsub.support.DefaultSubscriberFactory;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.setuppubsub.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The baseline: a plain subscriber that only acks, with the services' stream count (4) and flow
 * control (250 outstanding), on a catalog subscription of the same emulator, so the ratio compares
 * like with like.
 */
final class RawRate {

  private static final int STREAMS = 4;
  private static final long MAX_OUTSTANDING = 250;
  private static final int BODY_BYTES = 1500; // about an email event's encoded size

  private final Emulator emulator;

  RawRate(Emulator emulator) {
    this.emulator = emulator;
  }

  /** Messages per second from the first publish to the last first delivery. */
  double run(int count) throws InterruptedException {
    String prefix = "raw" + System.currentTimeMillis() + "-";
    applyCatalog(prefix);
    CountDownLatch remaining = new CountDownLatch(count);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Subscriber subscriber =
        subscribers()
            .createSubscriber(
                prefix + "vespa-loader-emails",
                (message, reply) -> {
                  reply.ack();
                  if (seen.add(message.getMessageId())) {
                    remaining.countDown();
                  }
                });
    subscriber.startAsync().awaitRunning();
    try {
      List<PubsubMessage> messages = IntStream.range(0, count).mapToObj(RawRate::message).toList();
      long start = System.nanoTime();
      emulator.publishAll(prefix + "emails", messages);
      if (!remaining.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(remaining.getCount() + " raw messages never arrived");
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      subscriber.stopAsync().awaitTerminated();
    }
  }

  private DefaultSubscriberFactory subscribers() {
    PubSubConfiguration configuration = new PubSubConfiguration();
    configuration.initialize(emulator.project);
    DefaultSubscriberFactory factory =
        new DefaultSubscriberFactory(() -> emulator.project, configuration);
    factory.setChannelProvider(emulator.channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    factory.setParallelPullCount(STREAMS);
    factory.setFlowControlSettings(
        FlowControlSettings.newBuilder().setMaxOutstandingElementCount(MAX_OUTSTANDING).build());
    return factory;
  }

  private static PubsubMessage message(int i) {
    byte[] body = new byte[BODY_BYTES];
    Arrays.fill(body, (byte) 'x');
    return PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(body))
        .putAttributes("ce-type", "dev.officeflow.email")
        .putAttributes("ce-id", "raw-" + i)
        .build();
  }

  private void applyCatalog(String prefix) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator", emulator.host, "--project", emulator.project, "--prefix", prefix
    };
    if (Main.run(args, Map.of(), out, out) != 0) {
      throw new IllegalStateException("setup-pubsub failed:\n" + output);
    }
  }
}
