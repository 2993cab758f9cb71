package dev.officeflow.contacts.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a browser script of {@code src/test/browser} with Node.js: playwright-core driving Debian's
 * Chromium. {@code ./dev test} installs both; anywhere else a missing piece fails the test with a
 * message that says how to install it (browser tests are never skipped).
 */
public final class BrowserScript {

  /** What the script printed (stdout and stderr together) and how it ended. */
  public record Result(int exitCode, String output) {}

  private final Path folder;
  private final Path node;
  private final Path chromium;

  private BrowserScript(Path folder, Path node, Path chromium) {
    this.folder = folder;
    this.node = node;
    this.chromium = chromium;
  }

  /** The tools this machine has, or an {@link AssertionError} that names what is missing. */
  public static BrowserScript locate() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path folder = module.resolve("src/test/browser").toAbsolutePath();
    Path node =
        onPath("node")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "Node.js is missing: 'node' is not on the PATH. The VIP page's browser"
                            + " test needs Node.js 20 or later (./dev test checks for it)."));
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      throw new AssertionError(
          "Chromium is missing at "
              + chromium
              + ": run the tests with ./dev test (it installs it), or apt-get install -y"
              + " chromium, or set CHROMIUM to a Chromium binary.");
    }
    if (!Files.isDirectory(folder.resolve("node_modules/playwright-core"))) {
      throw new AssertionError(
          "playwright-core is not installed in "
              + folder
              + ": run ./dev test (it runs npm ci there), or: (cd "
              + folder
              + " && npm ci)");
    }
    return new BrowserScript(folder, node, chromium);
  }

  /** Runs {@code node <script> <args...>} in the browser folder; kills it after {@code limit}. */
  public Result run(String script, List<String> args, Path log, Duration limit) {
    List<String> command = new ArrayList<>(List.of(node.toString(), script));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("CHROMIUM", chromium.toString());
      Process process = builder.start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            script + " did not finish within " + limit + ":\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
