package dev.officeflow.bench.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Every 10 s while latency is measured, how busy the machine was and how much of that was the
 * service: on a shared machine, other processes' CPU is where a latency tail often comes from.
 */
final class MachineLoad implements AutoCloseable {

  private final long servicePid;
  private final int offsetSeconds;
  private final Thread sampler;

  /** {@code offsetSeconds}: sampling starts this long before the measured part. */
  MachineLoad(long servicePid, int offsetSeconds) {
    this.servicePid = servicePid;
    this.offsetSeconds = offsetSeconds;
    this.sampler = new Thread(this::sample, "machine-load");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    long[] machine = machineTicks();
    long service = serviceTicks();
    int cores = Runtime.getRuntime().availableProcessors();
    for (int second = 10; ; second += 10) {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        return;
      }
      long[] m = machineTicks();
      long s = serviceTicks();
      double total = m[0] - machine[0];
      double busy = total - (m[1] - machine[1]);
      System.out.printf(
          Locale.ROOT,
          "machine: %d to %d s of the measured part: load %s, CPU busy %.0f%% of %d cores,"
              + " the service %.0f%%, everything else %.0f%%%n",
          second - 10 - offsetSeconds,
          second - offsetSeconds,
          loadAverage(),
          100 * busy / total,
          cores,
          100 * (s - service) / total,
          100 * (busy - (s - service)) / total);
      machine = m;
      service = s;
    }
  }

  /** {total, idle + iowait} in clock ticks, all cores. */
  private static long[] machineTicks() {
    long[] f =
        Arrays.stream(read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+"))
            .skip(1)
            .mapToLong(Long::parseLong)
            .toArray();
    return new long[] {Arrays.stream(f).limit(8).sum(), f[3] + f[4]};
  }

  private long serviceTicks() {
    String stat = read(Path.of("/proc", Long.toString(servicePid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  private static String loadAverage() {
    return read(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
