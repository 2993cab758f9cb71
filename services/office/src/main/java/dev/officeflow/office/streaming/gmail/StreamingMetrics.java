package dev.officeflow.office.streaming.gmail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The streaming counters, tagged {@code source=gmail} (the Calendar half uses the same names with
 * {@code source=calendar}).
 */
final class StreamingMetrics {

  static final String PREFIX = "officeflow.streaming.";

  final Counter notifications;
  final Counter coalesced;
  final Counter deltas;
  final Counter events;
  final Counter resyncs;
  final Counter renewals;

  StreamingMetrics(MeterRegistry registry) {
    notifications = counter(registry, "notifications", "push notifications received");
    coalesced = counter(registry, "coalesced", "notifications answered by another's history read");
    deltas = counter(registry, "deltas", "history records read");
    events = counter(registry, "events", "real_time events published");
    resyncs = counter(registry, "resyncs", "full resyncs started (history id expired)");
    renewals = counter(registry, "renewals", "watches renewed");
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(PREFIX + name)
        .tag("source", "gmail")
        .description(description)
        .register(registry);
  }
}
