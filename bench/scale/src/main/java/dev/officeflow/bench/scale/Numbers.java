package dev.officeflow.bench.scale;

import java.util.Collection;
import java.util.List;

/** The statistics the bench prints. */
final class Numbers {

  private Numbers() {}

  /** Nearest-rank percentile ({@code p} in 0..100) of {@code values}; NaN when there are none. */
  static double percentile(Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /**
   * Jain's fairness index {@code (Σx)² / (n · Σx²)}: 1 when every value is equal, {@code 1/n} when
   * one takes everything; NaN when there are none.
   */
  static double jain(Collection<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double sum = values.stream().mapToDouble(Double::doubleValue).sum();
    double squares = values.stream().mapToDouble(x -> x * x).sum();
    return squares == 0 ? Double.NaN : sum * sum / (values.size() * squares);
  }
}
