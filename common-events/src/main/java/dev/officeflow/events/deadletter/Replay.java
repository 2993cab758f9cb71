package dev.officeflow.events.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Replays dead letters, as the visitor of one {@link DeadLetterScan}: republishes each selected
 * message to its original topic with its original attributes (without the {@code error_*} ones and
 * Pub/Sub's own {@code CloudPubSubDeadLetter*}) and {@link DeadLetter#REPLAY_COUNT} one higher, and
 * lets the scan ack it only once the publish returned; a failed publish keeps the message and ends
 * the scan. Not thread-safe.
 */
public final class Replay implements DeadLetterScan.Visitor {

  /** Publishes one message and returns its id once Pub/Sub has it; throws when it does not. */
  @FunctionalInterface
  public interface Publisher {
    String publish(String topic, Map<String, String> attributes, byte[] data);
  }

  /**
   * One selected message.
   *
   * @param replayCount the {@link DeadLetter#REPLAY_COUNT} it was (or would be) republished with
   * @param republishedAs the new message id; empty in a dry run or when the publish failed
   * @param failure why the publish failed
   */
  public record Replayed(
      String messageId,
      String reason,
      int replayCount,
      Optional<String> republishedAs,
      Optional<String> failure) {}

  private static final String ERROR_PREFIX = "error_";
  private static final String PUBSUB_PREFIX = "CloudPubSubDeadLetter";

  private final String topic;
  private final Predicate<DeadLetter> selected;
  private final int limit;
  private final Optional<Publisher> publisher;
  private final Consumer<Replayed> listener;
  private int count;
  private int failures;

  /**
   * @param topic the original topic
   * @param limit how many selected messages at most
   * @param publisher empty for a dry run, which keeps every message
   * @param listener told about each selected message, in order
   */
  public Replay(
      String topic,
      Predicate<DeadLetter> selected,
      int limit,
      Optional<Publisher> publisher,
      Consumer<Replayed> listener) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    this.topic = topic;
    this.selected = selected;
    this.limit = limit;
    this.publisher = publisher;
    this.listener = listener;
  }

  /** The attributes {@code message} is replayed with. */
  public static Map<String, String> attributes(DeadLetter message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    message
        .attributes()
        .forEach(
            (name, value) -> {
              if (!name.startsWith(ERROR_PREFIX) && !name.startsWith(PUBSUB_PREFIX)) {
                attributes.put(name, value);
              }
            });
    attributes.put(DeadLetter.REPLAY_COUNT, Integer.toString(message.replayCount() + 1));
    return attributes;
  }

  @Override
  public DeadLetterScan.Decision visit(DeadLetter message) {
    if (!selected.test(message)) {
      return DeadLetterScan.Decision.KEEP;
    }
    if (count >= limit) {
      return DeadLetterScan.Decision.STOP;
    }
    count++;
    Map<String, String> attributes = attributes(message);
    int replayCount = message.replayCount() + 1;
    if (publisher.isEmpty()) {
      listener.accept(replayed(message, replayCount, Optional.empty(), Optional.empty()));
      return DeadLetterScan.Decision.KEEP;
    }
    try {
      String id = publisher.get().publish(topic, attributes, message.data());
      listener.accept(replayed(message, replayCount, Optional.of(id), Optional.empty()));
      return DeadLetterScan.Decision.ACK;
    } catch (RuntimeException e) {
      failures++;
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      listener.accept(replayed(message, replayCount, Optional.empty(), Optional.of(why)));
      return DeadLetterScan.Decision.STOP;
    }
  }

  /** Selected messages so far (replayed, failed or, in a dry run, listed). */
  public int count() {
    return count;
  }

  public int failures() {
    return failures;
  }

  private static Replayed replayed(
      DeadLetter message, int replayCount, Optional<String> id, Optional<String> failure) {
    return new Replayed(message.messageId(), message.reason(), replayCount, id, failure);
  }
}
