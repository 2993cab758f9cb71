package dev.officeflow.bench.vespafeed;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.spring.pubsub.core.PubSubConfiguration;
import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.support.CachingPublisherFactory;
import com.google.cloud.spring.pubsub.support.DefaultPublisherFactory;
import com.google.cloud.spring.pubsub.support.DefaultSubscriberFactory;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.setuppubsub.Main;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Emulator clients for the benchmark: catalog set-up, a publisher, and plain subscribers. */
final class BenchPubSub implements AutoCloseable {

  /** The streams and flow control of vespa-loader's application.yml, so both runs match. */
  static final int STREAMS = 4;

  static final long MAX_OUTSTANDING = 1000;

  /**
   * The client's default sends a request per 1,000 bytes, one message here; batches of up to 500
   * make publishing fast enough not to limit either run.
   */
  private static final BatchingSettings BATCHING =
      BatchingSettings.newBuilder()
          .setElementCountThreshold(500L)
          .setRequestByteThreshold(4L * 1024 * 1024)
          .setDelayThresholdDuration(java.time.Duration.ofMillis(5))
          .build();

  private final String host;
  private final String projectId;
  private final ManagedChannel channel;
  private final TransportChannelProvider channels;
  private final CachingPublisherFactory publishers;
  private final PubSubPublisherTemplate publisher;

  BenchPubSub(String host, String projectId) {
    this.host = host;
    this.projectId = projectId;
    channel = ManagedChannelBuilder.forTarget(host).usePlaintext().build();
    channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    DefaultPublisherFactory factory = new DefaultPublisherFactory(() -> projectId);
    factory.setChannelProvider(channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    factory.setBatchingSettings(BATCHING);
    // The default factory builds a new Publisher (and its threads) on every publish.
    publishers = new CachingPublisherFactory(factory);
    publisher = new PubSubPublisherTemplate(publishers);
  }

  /** Applies the whole catalog under {@code prefix} with setup-pubsub. */
  void applyCatalog(String prefix) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {"--emulator", host, "--project", projectId, "--prefix", prefix};
    if (Main.run(args, Map.of(), out, out) != 0) {
      throw new IllegalStateException("setup-pubsub failed:\n" + output);
    }
  }

  /** Publishes every message (batched by the client) and returns once all are accepted. */
  void publishAll(String topic, List<PubsubMessage> messages) {
    CompletableFuture<?>[] publishing =
        messages.stream().map(m -> publisher.publish(topic, m)).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(publishing).join();
  }

  /** A subscriber factory with the service's stream count and flow control. */
  DefaultSubscriberFactory subscribers() {
    PubSubConfiguration configuration = new PubSubConfiguration();
    configuration.initialize(projectId);
    DefaultSubscriberFactory factory = new DefaultSubscriberFactory(() -> projectId, configuration);
    factory.setChannelProvider(channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    factory.setParallelPullCount(STREAMS);
    factory.setFlowControlSettings(
        FlowControlSettings.newBuilder().setMaxOutstandingElementCount(MAX_OUTSTANDING).build());
    return factory;
  }

  @Override
  public void close() throws InterruptedException {
    publishers.shutdown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
