package dev.officeflow.simkit.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Which calls an injected fault fails, call by call: failures queued for the next calls come first,
 * then a draw against an error rate from a random seeded by the caller, so a run repeats exactly
 * and a test can be exact. What a failure looks like, and which statuses are allowed, is the
 * simulator's. Not thread-safe: the simulator's injector guards it.
 */
public final class FailureDraws {

  private final Deque<Integer> queued = new ArrayDeque<>();
  private SplittableRandom random;

  public FailureDraws(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The draws start again from {@code seed}; queued failures stay. */
  public void reseed(long seed) {
    random = new SplittableRandom(seed);
  }

  /** The next {@code count} calls fail with {@code status}, after those queued before. */
  public void queue(int count, int status) {
    for (int i = 0; i < count; i++) {
      queued.add(status);
    }
  }

  public void clearQueued() {
    queued.clear();
  }

  /**
   * The status this call must fail with, if it must: the oldest queued one, else, with probability
   * {@code errorRate}, one of {@code statuses} drawn at random (no draw at all at rate 0).
   */
  public OptionalInt next(double errorRate, List<Integer> statuses) {
    if (!queued.isEmpty()) {
      return OptionalInt.of(queued.poll());
    }
    if (errorRate > 0 && random.nextDouble() < errorRate) {
      return OptionalInt.of(statuses.get(random.nextInt(statuses.size())));
    }
    return OptionalInt.empty();
  }
}
