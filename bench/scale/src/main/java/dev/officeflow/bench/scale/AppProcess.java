package dev.officeflow.bench.scale;

import dev.officeflow.testsupport.AppRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app of the registry ({@code tools/apps.tsv}) run from its jar in a process of its own, with
 * the registry's JVM options, as {@code ./dev up} runs it; its output in {@code <logs>/<name>.log}.
 * {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s).
 */
final class AppProcess implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;

  private AppProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts registry app {@code app} as {@code name}, listening on {@code port} as its {@code
   * arguments} tell it, and waits until its health path answers 200 there.
   */
  static AppProcess start(
      String app,
      String name,
      int port,
      List<String> arguments,
      Map<String, String> environment,
      Path logs)
      throws IOException, InterruptedException {
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App entry = registry.app(app);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(entry.jvmOptions());
    command.addAll(List.of("-jar", privateCopy(registry, entry, logs).toString()));
    command.addAll(arguments);
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    AppProcess started = new AppProcess(name, builder.start(), log, port);
    try {
      started.awaitHealthy(entry.healthUrl(port));
    } catch (IOException | InterruptedException | RuntimeException notReady) {
      started.close();
      throw notReady;
    }
    return started;
  }

  /**
   * The app's jar, copied once into {@code <logs>/jars/}: the working tree is shared, and a build
   * that rewrites the jar under a starting JVM breaks its class loading (seen: Flyway's service
   * file unreadable). Every process of the app runs the same copy.
   */
  private static synchronized Path privateCopy(AppRegistry registry, AppRegistry.App app, Path logs)
      throws IOException {
    Path copy = logs.resolve("jars").resolve(app.name() + ".jar");
    if (!Files.exists(copy)) {
      Files.createDirectories(copy.getParent());
      Files.copy(registry.jar(app), copy);
    }
    return copy;
  }

  private void awaitHealthy(String url) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url)).timeout(READY).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited while starting; see " + log);
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // starting
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException(name + " was not healthy within " + READY + "; see " + log);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  /** Resident memory in MiB now, from /proc; -1 once the process is gone. */
  double rssMib() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException gone) {
      return -1;
    }
    return -1;
  }

  /** How many lines of its log contain {@code text} (a JSON log: one event per line). */
  long logLines(String text) {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException | UncheckedIOException unreadable) {
      return -1;
    }
  }

  /** A port nothing listens on now, for the next app. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
