package dev.officeflow.user.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Runs calls on their own threads, released together through one gate. */
public final class Concurrently {

  private Concurrently() {}

  /** Runs {@code call(0..callers-1)} at once and returns the results in order. */
  public static <T> List<T> run(int callers, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch gate = new CountDownLatch(1);
      List<CompletableFuture<T>> calls =
          IntStream.range(0, callers)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(gate);
                            return call.apply(i);
                          },
                          pool))
              .toList();
      gate.countDown();
      return calls.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
