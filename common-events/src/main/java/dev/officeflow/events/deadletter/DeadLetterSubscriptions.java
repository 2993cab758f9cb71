package dev.officeflow.events.deadletter;

import java.util.List;

/**
 * The three Pub/Sub calls a scan of a dead-letter subscription makes, by subscription id within one
 * project. setup-pubsub implements it over Google's admin client, services-common over the
 * service's subscriber stub. Failures are unchecked exceptions of the implementation.
 */
public interface DeadLetterSubscriptions {

  /**
   * Up to {@code maxMessages} messages available now, without waiting for more; empty when none is.
   *
   * @throws ResponseTooLargeException when the response exceeded the transport's limit
   */
  List<DeadLetter> pull(String subscription, int maxMessages);

  void acknowledge(String subscription, List<String> ackIds);

  /** {@code seconds} 0 releases the messages for redelivery at once. */
  void modifyAckDeadline(String subscription, List<String> ackIds, int seconds);
}
