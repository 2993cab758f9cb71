package dev.officeflow.runtime.deadletter;

import com.google.api.gax.rpc.ResourceExhaustedException;
import com.google.cloud.pubsub.v1.stub.SubscriberStub;
import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.ModifyAckDeadlineRequest;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.SubscriptionName;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.events.deadletter.DeadLetterSubscriptions;
import dev.officeflow.events.deadletter.ResponseTooLargeException;
import java.time.Instant;
import java.util.List;

/**
 * Dead-letter subscriptions over the service's own subscriber stub (its Pub/Sub endpoint,
 * credentials and channel, whose inbound limit bounds a pull's response). One per pass; close it.
 */
final class SubscriberStubDeadLetters implements DeadLetterSubscriptions, AutoCloseable {

  private final SubscriberStub stub;
  private final String project;

  private SubscriberStubDeadLetters(SubscriberStub stub, String project) {
    this.stub = stub;
    this.project = project;
  }

  static SubscriberStubDeadLetters open(SubscriberFactory subscribers, String subscription) {
    return new SubscriberStubDeadLetters(
        subscribers.createSubscriberStub(subscription), subscribers.getProjectId());
  }

  // returnImmediately: a bounded scan needs "nothing more now", not a wait for new messages.
  @Override
  @SuppressWarnings("deprecation")
  public List<DeadLetter> pull(String subscription, int maxMessages) {
    try {
      return stub
          .pullCallable()
          .call(
              PullRequest.newBuilder()
                  .setSubscription(path(subscription))
                  .setMaxMessages(maxMessages)
                  .setReturnImmediately(true)
                  .build())
          .getReceivedMessagesList()
          .stream()
          .map(SubscriberStubDeadLetters::toDeadLetter)
          .toList();
    } catch (ResourceExhaustedException e) {
      throw new ResponseTooLargeException(subscription, e);
    }
  }

  @Override
  public void acknowledge(String subscription, List<String> ackIds) {
    stub.acknowledgeCallable()
        .call(
            AcknowledgeRequest.newBuilder()
                .setSubscription(path(subscription))
                .addAllAckIds(ackIds)
                .build());
  }

  @Override
  public void modifyAckDeadline(String subscription, List<String> ackIds, int seconds) {
    stub.modifyAckDeadlineCallable()
        .call(
            ModifyAckDeadlineRequest.newBuilder()
                .setSubscription(path(subscription))
                .addAllAckIds(ackIds)
                .setAckDeadlineSeconds(seconds)
                .build());
  }

  @Override
  public void close() {
    stub.close();
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
