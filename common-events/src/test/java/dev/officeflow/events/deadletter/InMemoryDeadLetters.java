package dev.officeflow.events.deadletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A hand-written dead-letter subscription that leases as Pub/Sub does: a pulled message is
 * invisible until its ack deadline (10 s, or what a modify set) passes by the test's clock, a new
 * delivery gets a new ack id, an ack with a stale ack id does nothing.
 */
final class InMemoryDeadLetters implements DeadLetterSubscriptions {

  private static final long DEFAULT_DEADLINE_NANOS = 10_000_000_000L;

  private final LongSupplier clock;
  private final Map<String, DeadLetter> messages = new LinkedHashMap<>();
  private final Map<String, Long> leasedUntil = new HashMap<>();
  private final Map<String, String> currentAck = new HashMap<>();
  private int acks;
  private int tooLargeResponses;
  private final List<Integer> requested = new ArrayList<>();

  InMemoryDeadLetters(LongSupplier clock) {
    this.clock = clock;
  }

  void add(DeadLetter message) {
    messages.put(message.messageId(), message);
  }

  /** The next {@code count} pulls of more than one message fail as too large, leasing them. */
  void failLargeResponses(int count) {
    tooLargeResponses = count;
  }

  List<String> remaining() {
    return List.copyOf(messages.keySet());
  }

  List<String> available() {
    return messages.keySet().stream().filter(this::isAvailable).toList();
  }

  /** The batch size each pull asked for, in order. */
  List<Integer> requested() {
    return List.copyOf(requested);
  }

  @Override
  public List<DeadLetter> pull(String subscription, int maxMessages) {
    requested.add(maxMessages);
    List<DeadLetter> batch = new ArrayList<>();
    for (DeadLetter message : messages.values()) {
      if (batch.size() < maxMessages && isAvailable(message.messageId())) {
        String ackId = "ack-" + ++acks;
        currentAck.put(message.messageId(), ackId);
        leasedUntil.put(message.messageId(), clock.getAsLong() + DEFAULT_DEADLINE_NANOS);
        batch.add(
            new DeadLetter(
                message.messageId(),
                ackId,
                message.attributes(),
                message.data(),
                message.publishTime()));
      }
    }
    if (tooLargeResponses > 0 && batch.size() > 1) {
      tooLargeResponses--;
      throw new ResponseTooLargeException(subscription, new IllegalStateException("too large"));
    }
    return batch;
  }

  @Override
  public void acknowledge(String subscription, List<String> ackIds) {
    for (String ackId : ackIds) {
      messageOf(ackId).ifPresent(messages::remove);
    }
  }

  @Override
  public void modifyAckDeadline(String subscription, List<String> ackIds, int seconds) {
    for (String ackId : ackIds) {
      messageOf(ackId)
          .ifPresent(id -> leasedUntil.put(id, clock.getAsLong() + seconds * 1_000_000_000L));
    }
  }

  private java.util.Optional<String> messageOf(String ackId) {
    return currentAck.entrySet().stream()
        .filter(e -> e.getValue().equals(ackId) && messages.containsKey(e.getKey()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private boolean isAvailable(String messageId) {
    return leasedUntil.getOrDefault(messageId, 0L) <= clock.getAsLong();
  }
}
