package dev.officeflow.office.streaming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The streaming bridge's counters (ARCHITECTURE §12), one set per source ({@code gmail}, {@code
 * calendar}) under the same names, so a dashboard compares the two.
 */
public final class StreamingMetrics {

  public static final String PREFIX = "officeflow.streaming.";

  /** Change notifications received (Gmail push messages, Calendar webhook calls). */
  public final Counter notifications;

  /** Notifications served by a read already running or due, so no read of their own. */
  public final Counter coalesced;

  /** Changes read: Gmail history records, Calendar incremental listings. */
  public final Counter deltas;

  /** {@code real_time} events published. */
  public final Counter events;

  /** Full resyncs: Gmail history id expired (404), Calendar sync token refused (410). */
  public final Counter resyncs;

  /** Gmail watches renewed, Calendar channels replaced before they expired. */
  public final Counter renewals;

  public StreamingMetrics(MeterRegistry registry, String source) {
    notifications = counter(registry, source, "notifications");
    coalesced = counter(registry, source, "coalesced");
    deltas = counter(registry, source, "deltas");
    events = counter(registry, source, "events");
    resyncs = counter(registry, source, "resyncs");
    renewals = counter(registry, source, "renewals");
  }

  private static Counter counter(MeterRegistry registry, String source, String name) {
    return Counter.builder(PREFIX + name).tag("source", source).register(registry);
  }
}
