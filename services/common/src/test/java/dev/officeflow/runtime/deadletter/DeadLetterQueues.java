package dev.officeflow.runtime.deadletter;

import com.google.cloud.spring.pubsub.support.SubscriberFactory;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.events.deadletter.DeadLetterScan;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts dead letters into and reads them from dead-letter subscriptions on the emulator. */
final class DeadLetterQueues {

  private final EmulatorPubSub pubSub;
  private final SubscriberFactory subscribers;

  DeadLetterQueues(EmulatorPubSub pubSub) {
    this.pubSub = pubSub;
    this.subscribers = pubSub.subscribers(1, 1000);
  }

  /** Publishes a dead letter of {@code user} as the runtime would to {@code topic}. */
  String add(String topic, String user, String reason) {
    return pubSub
        .publisher()
        .publish(
            topic,
            PubsubMessage.newBuilder()
                .setData(
                    ByteString.copyFromUtf8(
                        "{\"metadata\":{\"user_id\":\""
                            + user
                            + "\"},\"user_id\":\""
                            + user
                            + "\"}"))
                .putAllAttributes(
                    Map.of(
                        EventAttributes.SUBJECT, user,
                        EventAttributes.ERROR_REASON, reason,
                        EventAttributes.ERROR_CLASS, reason.split(":")[0]))
                .build())
        .join();
  }

  /** What {@code subscription} holds now, left in place. */
  List<DeadLetter> peek(String subscription) {
    List<DeadLetter> seen = new ArrayList<>();
    try (SubscriberStubDeadLetters access =
        SubscriberStubDeadLetters.open(subscribers, subscription)) {
      new DeadLetterScan(access, DeadLetterScan.Limits.DEFAULTS)
          .scan(
              subscription,
              message -> {
                seen.add(message);
                return DeadLetterScan.Decision.KEEP;
              });
    }
    return seen;
  }

  /** The {@code ce-subject} of each message {@code subscription} holds now. */
  List<String> users(String subscription) {
    return peek(subscription).stream()
        .map(m -> m.attributes().getOrDefault(EventAttributes.SUBJECT, "-"))
        .sorted()
        .toList();
  }
}
