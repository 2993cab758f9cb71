package dev.officeflow.runtime.config;

import dev.officeflow.runtime.consume.OutcomeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts settled deliveries as {@code officeflow.consumer.messages{subscription, outcome}}, so a
 * dashboard shows throughput, retries and dead letters per subscription.
 */
final class ConsumerMetrics implements OutcomeObserver {

  private final MeterRegistry registry;

  ConsumerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void settled(String subscription, String outcome) {
    // The registry caches meters by name and tags, so the lookup is a map hit after the first.
    Counter.builder("officeflow.consumer.messages")
        .description("Deliveries settled, by subscription and outcome")
        .tag("subscription", subscription)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
