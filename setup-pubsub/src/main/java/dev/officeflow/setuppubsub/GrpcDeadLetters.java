package dev.officeflow.setuppubsub;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ResourceExhaustedException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SeekRequest;
import com.google.pubsub.v1.SubscriptionName;
import com.google.pubsub.v1.TopicName;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.events.deadletter.DeadLetterSubscriptions;
import dev.officeflow.events.deadletter.Replay;
import dev.officeflow.events.deadletter.ResponseTooLargeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Dead-letter subscriptions over Google's admin clients, for {@code setup-pubsub dead-letters}:
 * synchronous pulls that return at once, acks, ack-deadline changes, publishing a replay, and a
 * seek. Failures become {@link SetupException}s that say what to do. One CLI run, one thread.
 */
final class GrpcDeadLetters implements DeadLetterSubscriptions, Replay.Publisher, AutoCloseable {

  private final String project;
  private final TopicAdminClient topics;
  private final SubscriptionAdminClient subscriptions;
  private final PubSubErrors errors;
  private final Runnable closeTransport;

  GrpcDeadLetters(
      String project,
      TopicAdminClient topics,
      SubscriptionAdminClient subscriptions,
      PubSubErrors errors,
      Runnable closeTransport) {
    this.project = project;
    this.topics = topics;
    this.subscriptions = subscriptions;
    this.errors = errors;
    this.closeTransport = closeTransport;
  }

  static GrpcDeadLetters open(DeadLettersCli.Connection connection) {
    String project = connection.project();
    return PubSubConnection.open(
        connection.emulator(),
        project,
        (topics, subscriptions, errors, close) ->
            new GrpcDeadLetters(project, topics, subscriptions, errors, close));
  }

  // returnImmediately is deprecated for streaming clients' sake; for a bounded scan it is what
  // "nothing more to give now" means (the emulator otherwise waits out the call's timeout).
  @Override
  @SuppressWarnings("deprecation")
  public List<DeadLetter> pull(String subscription, int maxMessages) {
    try {
      return subscriptions
          .pull(
              PullRequest.newBuilder()
                  .setSubscription(path(subscription))
                  .setMaxMessages(maxMessages)
                  .setReturnImmediately(true)
                  .build())
          .getReceivedMessagesList()
          .stream()
          .map(GrpcDeadLetters::toDeadLetter)
          .toList();
    } catch (ResourceExhaustedException e) {
      throw new ResponseTooLargeException(subscription, e);
    } catch (ApiException e) {
      throw errors.translate(e, "pull from subscription " + subscription);
    }
  }

  @Override
  public void acknowledge(String subscription, List<String> ackIds) {
    try {
      subscriptions.acknowledge(path(subscription), ackIds);
    } catch (ApiException e) {
      throw errors.translate(e, "acknowledge in subscription " + subscription);
    }
  }

  @Override
  public void modifyAckDeadline(String subscription, List<String> ackIds, int seconds) {
    try {
      subscriptions.modifyAckDeadline(path(subscription), ackIds, seconds);
    } catch (ApiException e) {
      throw errors.translate(e, "modify ack deadlines in subscription " + subscription);
    }
  }

  @Override
  public String publish(String topic, Map<String, String> attributes, byte[] data) {
    try {
      return topics
          .publish(
              TopicName.of(project, topic),
              List.of(
                  PubsubMessage.newBuilder()
                      .putAllAttributes(attributes)
                      .setData(ByteString.copyFrom(data))
                      .build()))
          .getMessageIds(0);
    } catch (ApiException e) {
      throw errors.translate(e, "publish to topic " + topic);
    }
  }

  /** Acks every message of {@code subscription} published before {@code time}. */
  void seek(String subscription, Instant time) {
    try {
      subscriptions.seek(
          SeekRequest.newBuilder()
              .setSubscription(path(subscription))
              .setTime(
                  Timestamp.newBuilder()
                      .setSeconds(time.getEpochSecond())
                      .setNanos(time.getNano())
                      .build())
              .build());
    } catch (ApiException e) {
      throw errors.translate(e, "seek subscription " + subscription);
    }
  }

  @Override
  public void close() {
    try {
      topics.close();
      subscriptions.close();
    } finally {
      closeTransport.run();
    }
  }

  private String path(String subscription) {
    return SubscriptionName.of(project, subscription).toString();
  }

  private static DeadLetter toDeadLetter(ReceivedMessage received) {
    PubsubMessage message = received.getMessage();
    return new DeadLetter(
        message.getMessageId(),
        received.getAckId(),
        message.getAttributesMap(),
        message.getData().toByteArray(),
        Instant.ofEpochSecond(
            message.getPublishTime().getSeconds(), message.getPublishTime().getNanos()));
  }
}
