package dev.officeflow.setuppubsub;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import com.google.pubsub.v1.UpdateSubscriptionRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Google's own admin clients on the emulator, independent of the code under test, to look at and
 * tamper with what setup-pubsub made.
 */
final class EmulatorAdmin implements AutoCloseable {

  private final String project;
  private final ManagedChannel channel;
  private final TopicAdminClient topics;
  private final SubscriptionAdminClient subscriptions;

  EmulatorAdmin(String emulatorHost, String project) {
    this.project = project;
    this.channel = ManagedChannelBuilder.forTarget(emulatorHost).usePlaintext().build();
    FixedTransportChannelProvider transport =
        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    try {
      this.topics =
          TopicAdminClient.create(
              TopicAdminSettings.newBuilder()
                  .setTransportChannelProvider(transport)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .build());
      this.subscriptions =
          SubscriptionAdminClient.create(
              SubscriptionAdminSettings.newBuilder()
                  .setTransportChannelProvider(transport)
                  .setCredentialsProvider(NoCredentialsProvider.create())
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes one message to {@code topic} and returns its id. */
  String publish(String topic, Map<String, String> attributes, String data) {
    return topics
        .publish(
            TopicName.of(project, topic),
            List.of(
                PubsubMessage.newBuilder()
                    .putAllAttributes(attributes)
                    .setData(ByteString.copyFromUtf8(data))
                    .build()))
        .getMessageIds(0);
  }

  /** Pulls and acks what {@code subscription} has now, up to 100 messages. */
  @SuppressWarnings("deprecation")
  List<PubsubMessage> drain(String subscription) {
    List<ReceivedMessage> received =
        subscriptions
            .pull(
                PullRequest.newBuilder()
                    .setSubscription(SubscriptionName.of(project, subscription).toString())
                    .setMaxMessages(100)
                    .setReturnImmediately(true)
                    .build())
            .getReceivedMessagesList();
    if (!received.isEmpty()) {
      subscriptions.acknowledge(
          SubscriptionName.of(project, subscription),
          received.stream().map(ReceivedMessage::getAckId).toList());
    }
    return received.stream().map(ReceivedMessage::getMessage).toList();
  }

  boolean topicExists(String topic) {
    try {
      topics.getTopic(TopicName.of(project, topic));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  Optional<Subscription> subscription(String name) {
    try {
      return Optional.of(subscriptions.getSubscription(SubscriptionName.of(project, name)));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  String topicPath(String topic) {
    return TopicName.of(project, topic).toString();
  }

  /** Sets {@code field} (a field-mask path) to its value in {@code changed}, as a person would. */
  void update(Subscription changed, String field) {
    subscriptions.updateSubscription(
        UpdateSubscriptionRequest.newBuilder()
            .setSubscription(changed)
            .setUpdateMask(FieldMask.newBuilder().addPaths(field))
            .build());
  }

  @Override
  public void close() throws InterruptedException {
    topics.close();
    subscriptions.close();
    channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
  }
}
