package dev.officeflow.testsupport;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Durations recorded by a benchmark, thread-safe to record, summarised as percentiles in
 * milliseconds (nearest rank).
 */
public final class Latencies {

  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

  public void record(long durationNanos) {
    nanos.add(durationNanos);
  }

  /** Forgets what was recorded, e.g. a warm-up's durations before the measured phase. */
  public void clear() {
    nanos.clear();
  }

  public int count() {
    return nanos.size();
  }

  /** The {@code p}th percentile (0-100) in milliseconds; NaN when nothing was recorded. */
  public double percentileMillis(double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  public String summary() {
    return String.format(
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
  }
}
