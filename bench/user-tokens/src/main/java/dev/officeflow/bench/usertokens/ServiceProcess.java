package dev.officeflow.bench.usertokens;

import dev.officeflow.testsupport.AppRegistry;
import java.io.File;
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

/**
 * The user service's exec jar as a child process (environment inherited from {@code ./dev infra}'s
 * env.sh), with its time to healthy and its resident memory.
 */
final class ServiceProcess implements AutoCloseable {

  /** The bench calls the token API as the office would, with a token of its own. */
  static final String SERVICE_TOKEN = "bench-office-token";

  private final Process process;
  private final int port;
  private final AtomicLong peakRssKb = new AtomicLong();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the user service as ./dev up runs it (the registry, tools/apps.tsv); {@code javaOpts},
   * unless blank, replaces its JVM options.
   */
  static ServiceProcess launch(String javaOpts, String googleBaseUrl) throws IOException {
    int port = freePort();
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App user = registry.app("user");
    if (!javaOpts.isBlank()) {
      user = user.withJvmOptions(List.of(javaOpts.trim().split("\\s+")));
    }
    List<String> command = new ArrayList<>(registry.javaCommand(user));
    command.addAll(
        List.of(
            "--server.port=" + port,
            "--officeflow.environment=local",
            "--officeflow.security.callers.office=" + SERVICE_TOKEN,
            "--officeflow.user.google.base-url=" + googleBaseUrl,
            "--officeflow.user.google.redirect-uri=http://127.0.0.1:"
                + port
                + "/v1/integrations/google/callback"));
    Path log = Path.of("bench/user-tokens/target/user-service.log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(new File("."))
            .start();
    return new ServiceProcess(process, port);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Polls {@code /actuator/health} until it answers 200; the result is how long that took. */
  Duration awaitHealthy(HttpClient http, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
    while (System.nanoTime() - start < limit.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited; see bench/user-tokens/target/user-service.log");
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
    throw new IllegalStateException("the service was not healthy within " + limit);
  }

  /** Samples the process's RSS every 100 ms from now on. */
  void sampleMemory() {
    sampler.scheduleAtFixedRate(
        () -> peakRssKb.accumulateAndGet(rssKb(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
  }

  long rssKb() {
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

  long peakRssKb() {
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
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
