package dev.officeflow.systemtests;

import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.AppRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One application of the system run from its jar in a process of its own, with the JVM options of
 * the registry (tools/apps.tsv) as ./dev up runs it, its output (JSON logs for the services) in a
 * file under {@code target/}.
 */
final class AppProcess implements AutoCloseable {

  private static final AppRegistry REGISTRY = AppRegistry.load();

  private final String name;
  private final int port;
  private final String healthPath;
  private final Process process;
  private final Path log;

  private AppProcess(String name, int port, String healthPath, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.healthPath = healthPath;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the registry's app {@code name} with {@code args} on {@code port}, {@code environment}
   * added to this process's; {@link #awaitReady} waits for its health path.
   */
  static AppProcess start(
      String name, List<String> args, int port, Path logs, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(REGISTRY.javaCommand(name));
    command.addAll(args);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new AppProcess(name, port, REGISTRY.app(name).healthPath(), process, log);
  }

  /** The repository's root, where the registry is. */
  static Path root() {
    return REGISTRY.root();
  }

  void awaitReady() {
    await(name + " to answer " + healthPath + " (log: " + log + ")")
        // Generous: nine JVMs start at once, and on a busy 2-core machine that takes minutes (a
        // service took 278 s to start beside other engineers' builds; at a load average of 30 the
        // user service was not up after 6 minutes, hence the property for such machines).
        .atMost(Duration.parse(System.getProperty("officeflow.system.start-patience", "PT6M")))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> !process.isAlive() || Http.get(url(healthPath), null).statusCode() == 200);
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited while starting: see " + log);
    }
  }

  String name() {
    return name;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  int port() {
    return port;
  }

  /** The spans this process has logged so far. */
  List<LoggedSpan> spans() {
    return jsonLines().stream()
        .filter(line -> "span".equals(line.path("message").asString()))
        .map(
            line ->
                new LoggedSpan(
                    name,
                    line.path("traceId").asString(),
                    line.path("spanId").asString(),
                    line.path("parentSpanId").asString(),
                    line.path("span").asString(),
                    line.path("kind").asString()))
        .toList();
  }

  /** The JSON lines of this process's log so far (the services' logs are JSON). */
  List<JsonNode> jsonLines() {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines
          .filter(line -> line.startsWith("{"))
          .map(AppProcess::parse)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonNode> parse(String line) {
    try {
      return Optional.of(Http.JSON.readTree(line));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the process to stop (SIGTERM) without waiting, so several can stop at once. */
  void stop() {
    process.destroy();
  }

  /** The exit code once the process has ended on its own within {@code limit}. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(name + " still runs after " + limit + ": see " + log);
    }
    return process.exitValue();
  }

  /** Everything the process has written so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the process and waits for it; SIGKILL when it takes longer than 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
