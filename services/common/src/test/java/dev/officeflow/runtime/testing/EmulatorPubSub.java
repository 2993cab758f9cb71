package dev.officeflow.runtime.testing;

import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.spring.pubsub.PubSubAdmin;
import com.google.cloud.spring.pubsub.core.PubSubConfiguration;
import com.google.cloud.spring.pubsub.core.publisher.PubSubPublisherTemplate;
import com.google.cloud.spring.pubsub.support.CachingPublisherFactory;
import com.google.cloud.spring.pubsub.support.DefaultPublisherFactory;
import com.google.cloud.spring.pubsub.support.DefaultSubscriberFactory;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ProjectTopicName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.runtime.config.EmulatorAutoConfiguration;
import dev.officeflow.testsupport.Infrastructure;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Pub/Sub clients for the emulator the test infrastructure provides, and isolated resources: each
 * test makes its own topic and subscription (with the catalog's dead-letter settings), because the
 * emulator keeps state between tests.
 */
public final class EmulatorPubSub implements AutoCloseable {

  private final String projectId = Infrastructure.pubsubProjectId();
  private final ManagedChannel channel;
  private final TransportChannelProvider channels;
  private final PubSubAdmin admin;
  private final CachingPublisherFactory publishers;
  private final PubSubPublisherTemplate publisher;

  public EmulatorPubSub() {
    channel = EmulatorAutoConfiguration.channel(Infrastructure.pubsubEmulatorHost());
    channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    admin = new PubSubAdmin(() -> projectId, topicAdmin(), subscriptionAdmin());
    DefaultPublisherFactory factory = new DefaultPublisherFactory(() -> projectId);
    factory.setChannelProvider(channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    // DefaultPublisherFactory builds a new Publisher (and its threads) on every call; the
    // services' auto-configuration caches them the same way.
    publishers = new CachingPublisherFactory(factory);
    publisher = new PubSubPublisherTemplate(publishers);
  }

  public String projectId() {
    return projectId;
  }

  public PubSubPublisherTemplate publisher() {
    return publisher;
  }

  public PubSubAdmin admin() {
    return admin;
  }

  /** A subscriber factory with {@code streams} streaming pulls and bounded outstanding messages. */
  public DefaultSubscriberFactory subscribers(int streams, long maxOutstanding) {
    PubSubConfiguration configuration = new PubSubConfiguration();
    configuration.initialize(projectId);
    DefaultSubscriberFactory factory = new DefaultSubscriberFactory(() -> projectId, configuration);
    factory.setChannelProvider(channels);
    factory.setCredentialsProvider(NoCredentialsProvider.create());
    factory.setParallelPullCount(streams);
    factory.setFlowControlSettings(
        FlowControlSettings.newBuilder().setMaxOutstandingElementCount(maxOutstanding).build());
    return factory;
  }

  /**
   * Creates a fresh topic, dead-letter topic and subscriptions shaped like {@code template} (ack
   * deadline, retry policy, dead-letter policy), all under unique names.
   */
  public SubscriptionSpec isolated(SubscriptionSpec template) {
    String topic = Infrastructure.uniqueName(template.topic());
    SubscriptionSpec spec = template.renamed(Infrastructure.uniqueName(template.name()), topic);
    List.of(topic, spec.deadLetterTopic(), spec.deadLetterSubscription(), spec.name())
        .forEach(EmulatorResources::nameAtClassEnd);
    admin.createTopic(topic);
    admin.createTopic(spec.deadLetterTopic());
    admin.createSubscription(
        Subscription.newBuilder()
            .setName(spec.deadLetterSubscription())
            .setTopic(spec.deadLetterTopic()));
    admin.createSubscription(
        Subscription.newBuilder()
            .setName(spec.name())
            .setTopic(topic)
            .setAckDeadlineSeconds((int) spec.ackDeadline().toSeconds())
            .setRetryPolicy(
                RetryPolicy.newBuilder()
                    .setMinimumBackoff(seconds(spec.minBackoff()))
                    .setMaximumBackoff(seconds(spec.maxBackoff())))
            .setDeadLetterPolicy(
                DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(
                        ProjectTopicName.of(projectId, spec.deadLetterTopic()).toString())
                    .setMaxDeliveryAttempts(spec.maxDeliveryAttempts())));
    return spec;
  }

  /** Starts collecting (and acking) everything that arrives on {@code subscription}. */
  public Collector collect(String subscription) {
    Collector collector = new Collector();
    Subscriber subscriber =
        subscribers(1, 1000)
            .createSubscriber(
                subscription,
                (message, reply) -> {
                  collector.messages.add(message);
                  reply.ack();
                });
    subscriber.startAsync().awaitRunning();
    collector.subscriber = subscriber;
    return collector;
  }

  /** Messages received on one subscription, in arrival order. */
  public static final class Collector implements AutoCloseable {
    private final List<PubsubMessage> messages = new CopyOnWriteArrayList<>();
    private Subscriber subscriber;

    public List<PubsubMessage> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void close() {
      subscriber.stopAsync().awaitTerminated();
    }
  }

  private TopicAdminClient topicAdmin() {
    try {
      return TopicAdminClient.create(
          TopicAdminSettings.newBuilder()
              .setTransportChannelProvider(channels)
              .setCredentialsProvider(NoCredentialsProvider.create())
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SubscriptionAdminClient subscriptionAdmin() {
    try {
      return SubscriptionAdminClient.create(
          SubscriptionAdminSettings.newBuilder()
              .setTransportChannelProvider(channels)
              .setCredentialsProvider(NoCredentialsProvider.create())
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration seconds(java.time.Duration duration) {
    return Duration.newBuilder().setSeconds(duration.toSeconds()).build();
  }

  @Override
  public void close() throws InterruptedException {
    publishers.shutdown();
    admin.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
