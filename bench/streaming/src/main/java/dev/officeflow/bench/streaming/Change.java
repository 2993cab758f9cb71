package dev.officeflow.bench.streaming;

/**
 * A change made in a provider's simulator and when (all {@code System.nanoTime()}); the other times
 * are set as the change is seen downstream, and stay 0 until then.
 */
final class Change {
  final long madeAt;
  volatile long arrivedAt;
  volatile long indexedAt;
  volatile long countedAt;
  volatile boolean create;

  Change(long madeAt) {
    this.madeAt = madeAt;
  }

  /** A change seen first as its event: complete before a map publishes it. */
  static Change arrived(long now) {
    Change change = new Change(now);
    change.arrivedAt = now;
    return change;
  }
}
