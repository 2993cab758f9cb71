package dev.officeflow.systemtests;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A browser script of {@code system-tests/src/test/browser} run with Node.js: playwright-core
 * driving Debian's Chromium, as the contacts service's page test does. It uses that test's
 * playwright-core ({@code services/contacts/src/test/browser/node_modules}, which {@code ./dev
 * test} installs with {@code npm ci}), so one lockfile pins it. The test reads the script's lines
 * as they come: the script says when the page is ready for the system to act. Missing tools fail
 * the test with how to install them (browser tests are never skipped).
 */
final class BrowserRun implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Object arrived = new Object();

  private BrowserRun(Process process, Path log) {
    this.process = process;
    Thread reader = new Thread(() -> read(log), "browser-run-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code node <script> <args...>}; its output goes to {@code log} as well. */
  static BrowserRun start(String script, List<String> args, Path log) {
    Path root = AppProcess.root();
    Path folder = root.resolve("system-tests/src/test/browser");
    Path playwright =
        root.resolve("services/contacts/src/test/browser/node_modules/playwright-core/index.mjs");
    Path node = onPath("node");
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new AssertionError(
          "Chromium is missing at "
              + chromium
              + ": run ./dev test (it installs it), or apt-get install -y chromium, or set CHROMIUM");
    }
    if (!Files.isRegularFile(playwright)) {
      throw new AssertionError(
          "playwright-core is not installed: run ./dev test (it runs npm ci), or: (cd "
              + playwright.getParent().getParent().getParent()
              + " && npm ci)");
    }
    List<String> command = new ArrayList<>(List.of(node.toString(), script));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
      builder.environment().put("CHROMIUM", chromium.toString());
      builder.environment().put("PLAYWRIGHT_CORE", playwright.toString());
      return new BrowserRun(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a line that starts with {@code prefix}; fails with the output so far. */
  String awaitLine(String prefix, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    synchronized (arrived) {
      while (true) {
        for (String line : lines) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
        long left = end - System.nanoTime();
        if (left <= 0 || ended.getCount() == 0) {
          throw new AssertionError("no line '" + prefix + "' from the browser:\n" + output());
        }
        TimeUnit.NANOSECONDS.timedWait(arrived, left);
      }
    }
  }

  /** Waits for the script to end; its exit code. */
  int finish(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(
          "the browser script did not finish within " + limit + ":\n" + output());
    }
    ended.await(10, TimeUnit.SECONDS);
    return process.exitValue();
  }

  String output() {
    return String.join("\n", lines);
  }

  private void read(Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line + "\n");
        out.flush();
        lines.add(line);
        synchronized (arrived) {
          arrived.notifyAll();
        }
      }
    } catch (IOException e) {
      lines.add("(output unreadable: " + e.getMessage() + ")");
    } finally {
      ended.countDown();
      synchronized (arrived) {
        arrived.notifyAll();
      }
    }
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "Node.js is missing: 'node' is not on the PATH (Node.js 20 or later).");
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
