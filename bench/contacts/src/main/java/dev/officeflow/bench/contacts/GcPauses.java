package dev.officeflow.bench.contacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sums up the pauses of a {@code -Xlog:gc} file: a stopped service answers nothing. */
final class GcPauses {

  private static final Pattern PAUSE =
      Pattern.compile("\\[([0-9.]+)s\\].*Pause (Young|Full).* ([0-9.]+)ms$");

  private GcPauses() {}

  static String summary(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "service GC: no log";
    }
    List<String> lines = Files.readAllLines(log);
    int young = 0;
    int full = 0;
    double total = 0;
    double max = 0;
    String longest = "";
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line.strip());
      if (!m.find()) {
        continue;
      }
      double ms = Double.parseDouble(m.group(3));
      if (m.group(2).equals("Full")) {
        full++;
      } else {
        young++;
      }
      total += ms;
      if (ms > max) {
        max = ms;
        longest = m.group(2) + " at " + m.group(1) + " s after the service started";
      }
    }
    return String.format(
        Locale.ROOT,
        "service GC since start: %d young and %d full pauses, %.0f ms in all, longest %.1f ms (%s)",
        young,
        full,
        total,
        max,
        longest);
  }
}
