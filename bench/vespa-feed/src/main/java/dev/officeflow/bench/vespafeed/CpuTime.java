package dev.officeflow.bench.vespafeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds (user + system) a process has used, from {@code /proc}: the machine is shared, so CPU
 * per document says more than wall-clock rates alone.
 */
final class CpuTime {

  /** Linux reports {@code /proc/<pid>/stat} times in clock ticks of 1/100 s. */
  private static final double TICKS_PER_SECOND = 100;

  private CpuTime() {}

  /** CPU seconds of {@code pid} ({@code self} for this process); NaN when unreadable. */
  static double seconds(String pid) {
    if (pid.isBlank()) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The 1-minute load average, to judge how busy the shared machine was. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
