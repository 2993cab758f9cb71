package dev.officeflow.office.streaming.calendar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The streaming counters, tagged {@code source=calendar}. */
final class CalendarMetrics {

  static final String PREFIX = "officeflow.streaming.";

  final Counter notifications;
  final Counter coalesced;
  final Counter deltas;
  final Counter events;
  final Counter resyncs;
  final Counter renewals;

  CalendarMetrics(MeterRegistry registry) {
    notifications = counter(registry, "notifications", "change notifications accepted");
    coalesced = counter(registry, "coalesced", "notifications served by a listing already due");
    deltas = counter(registry, "deltas", "incremental listings completed");
    events = counter(registry, "events", "events published");
    resyncs = counter(registry, "resyncs", "full resyncs after a sync token was refused");
    renewals = counter(registry, "renewals", "channels replaced before they expired");
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(PREFIX + name)
        .tag("source", "calendar")
        .description(description)
        .register(registry);
  }
}
