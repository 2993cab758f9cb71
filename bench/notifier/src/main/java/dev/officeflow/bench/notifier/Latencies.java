package dev.officeflow.bench.notifier;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Call durations, thread-safe to record, summarised as percentiles in milliseconds. */
final class Latencies {

  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

  void record(long durationNanos) {
    nanos.add(durationNanos);
  }

  int count() {
    return nanos.size();
  }

  double percentileMillis(double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  String summary() {
    return String.format(
        "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        Arrays.stream(nanos.toArray(Long[]::new)).mapToLong(Long::longValue).max().orElse(0) / 1e6);
  }
}
