package dev.officeflow.runtime.config;

import dev.officeflow.runtime.consume.ConsumerRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The consumer runtime's state as gauges: {@code officeflow.consumer.paused.subscriptions}, the
 * subscriptions an outage of a dependency holds paused (an alert when it stays above 0), and {@code
 * officeflow.consumer.in.flight.bytes}, the message bytes being handled against the process budget.
 */
final class ConsumerGauges implements MeterBinder {

  private final ObjectProvider<ConsumerRuntime> runtime;

  ConsumerGauges(ObjectProvider<ConsumerRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    ConsumerRuntime consumers = runtime.getIfAvailable();
    if (consumers == null) {
      return;
    }
    Gauge.builder("officeflow.consumer.paused.subscriptions", consumers, c -> c.pausedByOutage())
        .description("Subscriptions paused while a dependency of their handler is unavailable")
        .register(registry);
    Gauge.builder("officeflow.consumer.in.flight.bytes", consumers, c -> c.inFlightBytes())
        .description("Message bytes being decoded and handled, against the process's budget")
        .baseUnit("bytes")
        .register(registry);
  }
}
