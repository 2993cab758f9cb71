package dev.officeflow.bench.notifier;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The longest latency of the events sent in each second of a load, in order: whether a tail is
 * spread over the run or bunched (at its start, or at a stall). Thread-safe to record.
 */
final class WorstBySecond {

  private final ConcurrentSkipListMap<Long, LongAccumulator> worst = new ConcurrentSkipListMap<>();

  /** An event sent at {@code sentMillis} (epoch) that took {@code latencyMillis}. */
  void record(long sentMillis, long latencyMillis) {
    worst
        .computeIfAbsent(sentMillis / 1000, second -> new LongAccumulator(Math::max, 0))
        .accumulate(latencyMillis);
  }

  void clear() {
    worst.clear();
  }

  /** {@code +0s:<ms> +1s:<ms> ...} from the first second recorded, or {@code none}. */
  @Override
  public String toString() {
    if (worst.isEmpty()) {
      return "none";
    }
    long first = worst.firstKey();
    StringBuilder text = new StringBuilder();
    worst.forEach(
        (second, longest) ->
            text.append(text.isEmpty() ? "" : " ")
                .append('+')
                .append(second - first)
                .append("s:")
                .append(longest.get()));
    return text.toString();
  }
}
