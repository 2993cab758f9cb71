package dev.officeflow.setuppubsub;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of one subscription that setup-pubsub manages, as the catalog wants them or as
 * Pub/Sub reports them. Topic names are short ids within the project; a topic of another project
 * stays a full {@code projects/…/topics/…} path so it never equals a catalog name.
 *
 * @param expiration how long the subscription may be inactive before Pub/Sub deletes it; empty
 *     means never
 * @param retention how long Pub/Sub keeps an unacknowledged message; empty means not managed
 *     (Pub/Sub's default, 7 days)
 */
record SubscriptionSettings(
    String name,
    String topic,
    Duration ackDeadline,
    Optional<Backoff> retry,
    Optional<DeadLetter> deadLetter,
    Optional<Duration> expiration,
    Optional<Duration> retention) {

  /**
   * The ack deadline of the subscriptions that keep dead letters: whoever reads them (a person, a
   * replay tool) gets a minute per message.
   */
  static final Duration DEAD_LETTER_ACK_DEADLINE = Duration.ofSeconds(60);

  /** Pub/Sub's expiration when none is set: 31 days without subscribers. */
  static final Duration DEFAULT_EXPIRATION = Duration.ofDays(31);

  /**
   * The longest message retention the emulator accepts on a subscription: it still has the 7-day
   * limit that Pub/Sub itself raised to 31 days ({@link Catalog#DEAD_LETTER_RETENTION}).
   */
  static final Duration EMULATOR_MAX_RETENTION = Duration.ofDays(7);

  /** Settings whose message retention is not managed. */
  SubscriptionSettings(
      String name,
      String topic,
      Duration ackDeadline,
      Optional<Backoff> retry,
      Optional<DeadLetter> deadLetter,
      Optional<Duration> expiration) {
    this(name, topic, ackDeadline, retry, deadLetter, expiration, Optional.empty());
  }

  /** A retry policy: exponential backoff between {@code minimum} and {@code maximum}. */
  record Backoff(Duration minimum, Duration maximum) {
    @Override
    public String toString() {
      return seconds(minimum) + ".." + seconds(maximum);
    }
  }

  /** A dead-letter policy: after {@code maxDeliveryAttempts} the message goes to {@code topic}. */
  record DeadLetter(String topic, int maxDeliveryAttempts) {
    @Override
    public String toString() {
      return topic + " after " + maxDeliveryAttempts;
    }
  }

  /**
   * What the catalog wants for {@code spec}. None of our subscriptions expires: a consumer that is
   * down for a month must find its backlog, not a deleted subscription.
   */
  static SubscriptionSettings of(SubscriptionSpec spec) {
    return new SubscriptionSettings(
        spec.name(),
        spec.topic(),
        spec.ackDeadline(),
        Optional.of(new Backoff(spec.minBackoff(), spec.maxBackoff())),
        Optional.of(new DeadLetter(spec.deadLetterTopic(), spec.maxDeliveryAttempts())),
        Optional.empty());
  }

  /**
   * The subscription on {@code spec}'s dead-letter topic. It exists because Pub/Sub drops messages
   * published to a topic without subscriptions; it never expires because nobody pulls from it until
   * something goes wrong; it keeps each message for {@code retention}, the longest the target
   * allows, so that an operator has that long to look at it and replay it.
   */
  static SubscriptionSettings deadLetterSinkOf(SubscriptionSpec spec, Duration retention) {
    return new SubscriptionSettings(
        spec.deadLetterSubscription(),
        spec.deadLetterTopic(),
        DEAD_LETTER_ACK_DEADLINE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(retention));
  }

  /**
   * For example {@code ack 30s, retry 1s..60s, dead-letter contacts-emails-dead-letter after 5}.
   */
  String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("ack " + seconds(ackDeadline));
    retry.ifPresent(backoff -> parts.add("retry " + backoff));
    deadLetter.ifPresent(policy -> parts.add("dead-letter " + policy));
    expiration.ifPresent(ttl -> parts.add("expires after " + seconds(ttl)));
    retention.ifPresent(kept -> parts.add("retention " + days(kept)));
    return String.join(", ", parts);
  }

  /** {@code 7 days}, or {@link #seconds} when the duration is not whole days. */
  static String days(Duration duration) {
    return duration.equals(Duration.ofDays(duration.toDays()))
        ? duration.toDays() + (duration.toDays() == 1 ? " day" : " days")
        : seconds(duration);
  }

  /** {@code 30s}, or {@code 1500ms} when the duration is not whole seconds. */
  static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
