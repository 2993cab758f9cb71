package dev.officeflow.bench.pipeline;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.support.CachingPublisherFactory;
import com.google.cloud.spring.pubsub.support.DefaultPublisherFactory;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.runtime.config.EmulatorAutoConfiguration;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A gRPC channel to the emulator and a batching publisher on it. */
final class Emulator implements AutoCloseable {

  final String host;
  final String project;
  final ManagedChannel channel;
  final FixedTransportChannelProvider channels;
  private final CachingPublisherFactory publishers;
  private final PubSubPublisherTemplate publisher;

  Emulator(String host, String project) {
    this.host = host;
    this.project = project;
    // The services' own channel: dead letters of near-10 MB messages need its 20 MiB limit.
    channel = EmulatorAutoConfiguration.channel(host);
    channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    DefaultPublisherFactory factory = new DefaultPublisherFactory(() -> project);
    factory.setChannelProvider(channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    // Batches of up to 500: the client's default (a request per 1,000 bytes) would limit the rate.
    factory.setBatchingSettings(
        BatchingSettings.newBuilder()
            .setElementCountThreshold(500L)
            .setRequestByteThreshold(4L * 1024 * 1024)
            .setDelayThresholdDuration(Duration.ofMillis(5))
            .build());
    publishers = new CachingPublisherFactory(factory);
    publisher = new PubSubPublisherTemplate(publishers);
  }

  static Emulator fromEnvironment() {
    return new Emulator(System.getenv("PUBSUB_EMULATOR_HOST"), System.getenv("PUBSUB_PROJECT_ID"));
  }

  /** Publishes every message and returns once all are accepted. */
  void publishAll(String topic, List<PubsubMessage> messages) {
    CompletableFuture.allOf(
            messages.stream()
                .map(m -> publisher.publish(topic, m))
                .toArray(CompletableFuture<?>[]::new))
        .join();
  }

  @Override
  public void close() throws InterruptedException {
    publishers.shutdown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
