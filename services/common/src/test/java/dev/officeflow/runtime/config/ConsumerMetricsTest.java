package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ConsumerMetricsTest {

  @Test
  void countsEachSubscriptionAndOutcomeSeparately() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ConsumerMetrics metrics = new ConsumerMetrics(registry);

    metrics.settled("contacts-emails", "done");
    metrics.settled("contacts-emails", "done");
    metrics.settled("contacts-emails", "dead_letter");
    metrics.settled("vespa-loader-emails", "done");

    assertThat(count(registry, "contacts-emails", "done")).isEqualTo(2.0);
    assertThat(count(registry, "contacts-emails", "dead_letter")).isEqualTo(1.0);
    assertThat(count(registry, "vespa-loader-emails", "done")).isEqualTo(1.0);
  }

  @Test
  void countsDeadLettersByTheirReasonsCodeNotTheirText() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ConsumerMetrics metrics = new ConsumerMetrics(registry);

    metrics.deadLettered("contacts-emails", "invalid: subject: must not be null");
    metrics.deadLettered("contacts-emails", "invalid: received_at: not a date");
    metrics.deadLettered("contacts-emails", "too_large: 9437184 bytes");

    assertThat(registry.get("officeflow.dead.letters").counters()).hasSize(2);
    assertThat(deadLetters(registry, "contacts-emails", "invalid")).isEqualTo(2.0);
    assertThat(deadLetters(registry, "contacts-emails", "too_large")).isEqualTo(1.0);
  }

  private static double deadLetters(
      SimpleMeterRegistry registry, String subscription, String reason) {
    return registry
        .get("officeflow.dead.letters")
        .tag("subscription", subscription)
        .tag("reason", reason)
        .counter()
        .count();
  }

  private static double count(SimpleMeterRegistry registry, String subscription, String outcome) {
    return registry
        .get("officeflow.consumer.messages")
        .tag("subscription", subscription)
        .tag("outcome", outcome)
        .counter()
        .count();
  }
}
