package dev.officeflow.bench.vespafeed;

/**
 * One timed run: {@code count} items from the first publish until the last one was consumed.
 *
 * @param publishNanos from the first publish until every publish was accepted
 * @param totalNanos from the first publish until the last item was consumed (or stored)
 */
record Rate(int count, long publishNanos, long totalNanos) {

  double perSecond() {
    return count / seconds(totalNanos);
  }

  String describe(String what) {
    return String.format(
        "%,d %s in %.2f s = %,.0f/s (publishing took %.2f s)",
        count, what, seconds(totalNanos), perSecond(), seconds(publishNanos));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
