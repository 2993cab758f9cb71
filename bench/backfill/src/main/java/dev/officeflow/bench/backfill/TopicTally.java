package dev.officeflow.bench.backfill;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.codec.EventCodec;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what one provider's backfills put on the {@code emails}, {@code calendars} and {@code
 * contacts} topics, per user, on subscriptions of the benchmark's own (created when it starts, so
 * it sees only what comes after). An item is its type and provider item id; a publication is a
 * Pub/Sub message id, so a redelivery of one message is not a duplicate, and a second message for
 * the same item is.
 */
final class TopicTally implements AutoCloseable {

  private static final EventType[] TYPES = {EventType.EMAIL, EventType.CALENDAR, EventType.CONTACT};
  private static final EventCodec CODEC = new EventCodec();

  /** One user's items, each with the message ids that carried it. */
  private final Map<String, Map<String, Set<String>>> byUser = new ConcurrentHashMap<>();

  private final AtomicLong undecodable = new AtomicLong();
  private final String provider;
  private final String project;
  private final ManagedChannel channel;
  private final TransportChannelProvider channels;
  private final Map<EventType, String> subscriptions = new EnumMap<>(EventType.class);
  private final List<Subscriber> subscribers = new ArrayList<>();

  private TopicTally(String provider, String project, ManagedChannel channel) {
    this.provider = provider;
    this.project = project;
    this.channel = channel;
    this.channels = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
  }

  /**
   * Subscribes {@code name} to the three topics of the catalog {@code prefix}, for {@code
   * provider}'s items; nothing is read until {@link #collect}.
   */
  static TopicTally create(
      String emulator, String project, String prefix, String provider, String name)
      throws IOException {
    ManagedChannel channel = ManagedChannelBuilder.forTarget(emulator).usePlaintext().build();
    TopicTally tally = new TopicTally(provider, project, channel);
    for (EventType type : TYPES) {
      String subscription = prefix + "bench-" + provider + "-" + name + "-" + type.topic();
      create(tally.channels, project, subscription, prefix + type.topic());
      tally.subscriptions.put(type, subscription);
    }
    return tally;
  }

  /** Starts reading what the subscriptions hold. */
  void collect() {
    subscriptions.forEach(
        (type, subscription) -> {
          Subscriber subscriber =
              Subscriber.newBuilder(
                      ProjectSubscriptionName.of(project, subscription),
                      (MessageReceiver)
                          (message, reply) -> {
                            record(type, message);
                            reply.ack();
                          })
                  .setChannelProvider(channels)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .setParallelPullCount(2)
                  .build();
          subscriber.startAsync().awaitRunning();
          subscribers.add(subscriber);
        });
  }

  private static void create(
      TransportChannelProvider channels, String project, String subscription, String topic)
      throws IOException {
    SubscriptionAdminSettings admin =
        SubscriptionAdminSettings.newBuilder()
            .setTransportChannelProvider(channels)
            .setCredentialsProvider(NoCredentialsProvider.create())
            .build();
    try (SubscriptionAdminClient client = SubscriptionAdminClient.create(admin)) {
      client.createSubscription(
          Subscription.newBuilder()
              .setName(ProjectSubscriptionName.format(project, subscription))
              .setTopic(TopicName.format(project, topic))
              .setAckDeadlineSeconds(60)
              .build());
    }
  }

  private void record(EventType type, PubsubMessage message) {
    DataEvent<?> event;
    try {
      event = (DataEvent<?>) CODEC.decode(message.getData().toByteArray(), type);
    } catch (RuntimeException e) {
      undecodable.incrementAndGet();
      return;
    }
    if (!provider.equals(event.provider())) {
      return;
    }
    byUser
        .computeIfAbsent(event.userId(), u -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            type.topic() + ":" + event.providerItemId(), k -> ConcurrentHashMap.newKeySet())
        .add(message.getMessageId());
  }

  /** Distinct items seen for {@code userId}. */
  long items(String userId) {
    return byUser.getOrDefault(userId, Map.of()).size();
  }

  /** Messages beyond the first for the same item of {@code userId}. */
  long duplicates(String userId) {
    return byUser.getOrDefault(userId, Map.of()).values().stream()
        .mapToLong(ids -> ids.size() - 1L)
        .sum();
  }

  /** Messages that were not a readable event of their topic's type. */
  long undecodable() {
    return undecodable.get();
  }

  @Override
  public void close() throws InterruptedException, TimeoutException {
    for (Subscriber s : subscribers) {
      s.stopAsync().awaitTerminated(10, TimeUnit.SECONDS);
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
