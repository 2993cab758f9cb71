package dev.officeflow.setuppubsub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hand-written {@link PubSubResources} that keeps topics and subscriptions in maps, checks what
 * Pub/Sub checks (a subscription needs its topic and dead-letter topic), and records every change.
 */
final class InMemoryPubSub implements PubSubResources {

  private final Set<String> topics = new LinkedHashSet<>();
  private final Map<String, SubscriptionSettings> subscriptions = new LinkedHashMap<>();
  private final List<String> changes = new ArrayList<>();

  @Override
  public boolean topicExists(String topic) {
    return topics.contains(topic);
  }

  @Override
  public Optional<SubscriptionSettings> subscription(String name) {
    return Optional.ofNullable(subscriptions.get(name));
  }

  @Override
  public boolean createTopic(String topic) {
    boolean created = topics.add(topic);
    if (created) {
      changes.add("create topic " + topic);
    }
    return created;
  }

  @Override
  public boolean createSubscription(SubscriptionSettings settings) {
    requireTopic(settings.topic());
    settings.deadLetter().ifPresent(policy -> requireTopic(policy.topic()));
    if (subscriptions.containsKey(settings.name())) {
      return false;
    }
    subscriptions.put(settings.name(), settings);
    changes.add("create subscription " + settings.name());
    return true;
  }

  @Override
  public void updateSubscription(SubscriptionSettings settings, Set<Field> fields) {
    SubscriptionSettings current = subscription(settings.name()).orElseThrow();
    SubscriptionSettings updated =
        new SubscriptionSettings(
            current.name(),
            current.topic(),
            fields.contains(Field.ACK_DEADLINE) ? settings.ackDeadline() : current.ackDeadline(),
            fields.contains(Field.RETRY_POLICY) ? settings.retry() : current.retry(),
            fields.contains(Field.DEAD_LETTER_POLICY)
                ? settings.deadLetter()
                : current.deadLetter(),
            fields.contains(Field.EXPIRATION_POLICY) ? settings.expiration() : current.expiration(),
            fields.contains(Field.MESSAGE_RETENTION) ? settings.retention() : current.retention());
    subscriptions.put(settings.name(), updated);
    changes.add("update subscription " + settings.name() + " " + fields);
  }

  @Override
  public void close() {}

  /** Replaces a subscription as if someone had changed it by hand; not recorded as a change. */
  void put(SubscriptionSettings settings) {
    subscriptions.put(settings.name(), settings);
  }

  List<String> changes() {
    return List.copyOf(changes);
  }

  private void requireTopic(String topic) {
    if (!topics.contains(topic)) {
      throw new IllegalStateException("topic " + topic + " does not exist");
    }
  }
}
