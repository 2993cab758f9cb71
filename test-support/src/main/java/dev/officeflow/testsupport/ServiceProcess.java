package dev.officeflow.testsupport;

import java.io.IOException;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A service of the registry ({@link AppRegistry}, tools/apps.tsv) run as ./dev up runs it, in a
 * child process on a free port, for the benchmarks that measure a service from outside: its time to
 * healthy and its resident memory. The environment is inherited (./dev infra's env.sh); the output
 * goes to a log file.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final AtomicLong peakRssKb = new AtomicLong();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

  private ServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code app} on a free port with the arguments {@code arguments} makes for that port;
   * {@code javaOptions}, unless blank, replaces the registry's JVM options (space-separated).
   */
  public static ServiceProcess launch(
      String app, String javaOptions, Path log, IntFunction<List<String>> arguments)
      throws IOException {
    int port = freePort();
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App service = registry.app(app);
    if (!javaOptions.isBlank()) {
      service = service.withJvmOptions(List.of(javaOptions.trim().split("\\s+")));
    }
    List<String> command = new ArrayList<>(registry.javaCommand(service));
    command.add("--server.port=" + port);
    command.addAll(arguments.apply(port));
    Path absolute = log.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(absolute.toFile())
            .start();
    return new ServiceProcess(process, port, absolute);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** Polls {@code /actuator/health} until it answers 200; the result is how long that took. */
  public Duration awaitHealthy(HttpClient http, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
    while (System.nanoTime() - start < limit.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // Not listening yet: poll again.
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new IllegalStateException("the service was not healthy within " + limit + "; see " + log);
  }

  /** Samples the process's RSS every 100 ms from now on; the peak restarts from now. */
  public void sampleMemory() {
    peakRssKb.set(0);
    sampler.scheduleAtFixedRate(
        () -> peakRssKb.accumulateAndGet(rssKb(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
  }

  /** The process's resident set in kB, from {@code /proc}; 0 once it has gone. */
  public long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return 0;
    }
    return 0;
  }

  /** The highest RSS sampled since {@link #sampleMemory()}, in kB. */
  public long peakRssKb() {
    return peakRssKb.get();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
