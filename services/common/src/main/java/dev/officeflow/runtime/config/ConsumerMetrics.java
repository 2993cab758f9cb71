package dev.officeflow.runtime.config;

import dev.officeflow.events.deadletter.ErrorReasons;
import dev.officeflow.runtime.consume.OutcomeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts settled deliveries as {@code officeflow.consumer.messages{subscription, outcome}}, so a
 * dashboard shows throughput, retries and dead letters per subscription, and what this process
 * dead-lettered as {@code officeflow.dead.letters{subscription, reason}} by the reason's code
 * ({@code invalid}, {@code too_large}, ...), so an alert can fire on a kind of poison.
 */
final class ConsumerMetrics implements OutcomeObserver {

  private final MeterRegistry registry;

  // This runs for every delivery: building and registering a meter each time would allocate a
  // builder, an id and sorted tags per message. Subscriptions × outcomes keeps the map small.
  private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counter>> deadLetters = new ConcurrentHashMap<>();

  ConsumerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void settled(String subscription, String outcome) {
    counters
        .computeIfAbsent(subscription, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> register(subscription, o))
        .increment();
  }

  @Override
  public void deadLettered(String subscription, String reason) {
    deadLetters
        .computeIfAbsent(subscription, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            ErrorReasons.prefix(reason), code -> registerDeadLetters(subscription, code))
        .increment();
  }

  private Counter registerDeadLetters(String subscription, String reason) {
    return Counter.builder("officeflow.dead.letters")
        .description("Messages this process dead-lettered, by subscription and reason code")
        .tag("subscription", subscription)
        .tag("reason", reason)
        .register(registry);
  }

  private Counter register(String subscription, String outcome) {
    return Counter.builder("officeflow.consumer.messages")
        .description("Deliveries settled, by subscription and outcome")
        .tag("subscription", subscription)
        .tag("outcome", outcome)
        .register(registry);
  }
}
