package dev.officeflow.bench.notifier;

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
 * The notifier's exec jar as a child process (environment from {@code ./dev infra}'s env.sh), with
 * its resident memory sampled.
 */
final class NotifierProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final AtomicLong peakRssKb = new AtomicLong();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

  private NotifierProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the notifier as ./dev up runs it; {@code javaOpts}, unless blank, replaces options. */
  static NotifierProcess launch(String javaOpts, String jwksUri, int maxConnectionsPerUser)
      throws IOException {
    int port = freePort();
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App notifier = registry.app("notifier");
    if (!javaOpts.isBlank()) {
      notifier = notifier.withJvmOptions(List.of(javaOpts.trim().split("\\s+")));
    }
    List<String> command = new ArrayList<>(registry.javaCommand(notifier));
    command.addAll(
        List.of(
            "--server.port=" + port,
            "--officeflow.environment=local",
            "--officeflow.security.user-jwt.jwk-set-uri=" + jwksUri,
            "--officeflow.notifier.stream.max-connections-per-user=" + maxConnectionsPerUser,
            // Asking for 10,000 tickets takes longer than a ticket lives (60 s) on a busy machine;
            // the tickets are not what is measured.
            "--officeflow.notifier.ticket.ttl=30m"));
    Path log = Path.of("bench/notifier/target/notifier.log");
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(new File("."))
            .start();
    return new NotifierProcess(process, port);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Polls {@code /actuator/health} until it answers 200; the result is how long that took. */
  Duration awaitHealthy(HttpClient http, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build();
    while (System.nanoTime() - start < limit.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the notifier exited; see bench/notifier/target/notifier.log");
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
    throw new IllegalStateException("the notifier was not healthy within " + limit);
  }

  /** Samples the process's RSS every 100 ms from now on; the peak restarts from now. */
  void sampleMemory() {
    peakRssKb.set(0);
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
