package dev.officeflow.simkit.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * What a simulator's {@code main} shares: {@code --name value} options, and running until stopped.
 */
public final class SimCommandLine {

  private SimCommandLine() {}

  /**
   * The {@code --name value} pairs of {@code args}, by name without the dashes; anything else (a
   * name {@code known} refuses, a name without a value) is an {@link IllegalArgumentException} that
   * starts with {@code usage}.
   */
  public static Map<String, String> options(String[] args, Predicate<String> known, String usage) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!args[i].startsWith("--") || !known.test(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException(usage + "; bad argument " + args[i]);
      }
      out.put(name, args[++i]);
    }
    return out;
  }

  /** Blocks until the JVM shuts down, closing {@code sim} on the way. */
  public static void awaitShutdown(AutoCloseable sim) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sim.close();
                  } catch (Exception e) {
                    throw new IllegalStateException("closing the simulator failed", e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }
}
