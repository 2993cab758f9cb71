package dev.officeflow.graphsim.subscriptions;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The running counts behind {@link SubscriptionStats}; thread-safe. */
final class Counters {

  final AtomicLong created = new AtomicLong();
  final AtomicLong validationFailures = new AtomicLong();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
  final AtomicLong givenUp = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong expired = new AtomicLong();
  private final Map<LifecycleEvent, AtomicLong> lifecycle = new EnumMap<>(LifecycleEvent.class);

  Counters() {
    Arrays.stream(LifecycleEvent.values()).forEach(e -> lifecycle.put(e, new AtomicLong()));
  }

  void lifecycleSent(LifecycleEvent event) {
    lifecycle.get(event).incrementAndGet();
  }

  SubscriptionStats snapshot(long active) {
    Map<String, Long> byEvent =
        lifecycle.entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().wireName(), e -> e.getValue().get()));
    return new SubscriptionStats(
        created.get(),
        validationFailures.get(),
        sent.get(),
        failures.get(),
        retried.get(),
        givenUp.get(),
        dropped.get(),
        byEvent,
        expired.get(),
        active);
  }

  void reset() {
    Arrays.asList(created, validationFailures, sent, failures, retried, givenUp, dropped, expired)
        .forEach(c -> c.set(0));
    lifecycle.values().forEach(c -> c.set(0));
  }
}
