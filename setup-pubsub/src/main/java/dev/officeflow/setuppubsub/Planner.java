package dev.officeflow.setuppubsub;

import dev.officeflow.setuppubsub.Difference.Kind;
import dev.officeflow.setuppubsub.Plan.Step;
import dev.officeflow.setuppubsub.Plan.SubscriptionStep;
import dev.officeflow.setuppubsub.Plan.TopicStep;
import dev.officeflow.setuppubsub.SubscriptionSettings.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Compares the desired state with what Pub/Sub has; reads only, never changes anything. */
final class Planner {

  private final PubSubResources resources;

  Planner(PubSubResources resources) {
    this.resources = resources;
  }

  Plan plan(DesiredState desired) {
    Stream<Step> topics = desired.topics().stream().map(this::topicStep);
    Stream<Step> subscriptions = desired.subscriptions().stream().map(this::subscriptionStep);
    return new Plan(Stream.concat(topics, subscriptions).toList());
  }

  private Step topicStep(String topic) {
    return new TopicStep(
        topic,
        resources.topicExists(topic)
            ? List.of()
            : List.of(new Difference(Kind.MISSING_TOPIC, topic, "missing")));
  }

  private Step subscriptionStep(SubscriptionSettings desired) {
    List<Difference> differences =
        resources
            .subscription(desired.name())
            .map(actual -> compare(desired, actual))
            .orElseGet(
                () ->
                    List.of(new Difference(Kind.MISSING_SUBSCRIPTION, desired.name(), "missing")));
    return new SubscriptionStep(desired, differences);
  }

  /** Every setting of {@code actual} that is not as {@code desired} wants it. */
  static List<Difference> compare(SubscriptionSettings desired, SubscriptionSettings actual) {
    Differences found = new Differences(desired.name());
    found.check(Kind.TOPIC, "topic", actual.topic(), desired.topic());
    found.check(
        Kind.ACK_DEADLINE,
        "ack deadline",
        SubscriptionSettings.seconds(actual.ackDeadline()),
        SubscriptionSettings.seconds(desired.ackDeadline()));
    found.check(Kind.RETRY_POLICY, "retry policy", text(actual.retry()), text(desired.retry()));
    compareDeadLetter(found, desired.deadLetter(), actual.deadLetter());
    found.check(
        Kind.EXPIRATION,
        "expiration",
        expirationText(actual.expiration()),
        expirationText(desired.expiration()));
    // Only where the catalog sets one: the event subscriptions keep Pub/Sub's default.
    desired
        .retention()
        .ifPresent(
            kept ->
                found.check(
                    Kind.RETENTION,
                    "message retention",
                    actual.retention().map(SubscriptionSettings::days).orElse("default"),
                    SubscriptionSettings.days(kept)));
    return found.list();
  }

  // The topic and the attempts are one policy in Pub/Sub, but they are reported separately so
  // that the output says which of the two is wrong.
  private static void compareDeadLetter(
      Differences found, Optional<DeadLetter> desired, Optional<DeadLetter> actual) {
    found.check(
        Kind.DEAD_LETTER_TOPIC,
        "dead-letter topic",
        actual.map(DeadLetter::topic).orElse("none"),
        desired.map(DeadLetter::topic).orElse("none"));
    if (desired.isPresent() && actual.isPresent()) {
      found.check(
          Kind.MAX_DELIVERY_ATTEMPTS,
          "max delivery attempts",
          String.valueOf(actual.get().maxDeliveryAttempts()),
          String.valueOf(desired.get().maxDeliveryAttempts()));
    }
  }

  private static String text(Optional<?> setting) {
    return setting.map(Object::toString).orElse("none");
  }

  private static String expirationText(Optional<Duration> expiration) {
    return expiration.map(Planner::afterInactivity).orElse("never");
  }

  private static String afterInactivity(Duration ttl) {
    return ttl.equals(Duration.ofDays(ttl.toDays()))
        ? "after " + ttl.toDays() + " days"
        : "after " + SubscriptionSettings.seconds(ttl);
  }

  /** Collects differences of one subscription, comparing the printed forms of each setting. */
  private static final class Differences {
    private final String subscription;
    private final List<Difference> list = new ArrayList<>();

    Differences(String subscription) {
      this.subscription = subscription;
    }

    void check(Kind kind, String label, String actual, String expected) {
      if (!Objects.equals(actual, expected)) {
        list.add(
            new Difference(kind, subscription, label + " " + actual + ", expected " + expected));
      }
    }

    List<Difference> list() {
      return List.copyOf(list);
    }
  }
}
