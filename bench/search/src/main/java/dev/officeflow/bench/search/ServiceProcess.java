package dev.officeflow.bench.search;

import dev.officeflow.runtime.testing.IsolatedCatalog;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * vespa-loader from its exec jar in a process of its own, with the registry's JVM options
 * (tools/apps.tsv) as ./dev up runs it, on an isolated catalog, feeding and searching vespa-sim.
 */
final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServiceProcess start(String prefix, int simPort, String jwksUri, List<String> javaOptions)
      throws IOException {
    AppRegistry registry = AppRegistry.load();
    AppRegistry.App loader = registry.app("vespa-loader");
    int port = freePort();
    String sim = "http://127.0.0.1:" + simPort + "/";
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions.isEmpty() ? loader.jvmOptions() : javaOptions);
    command.addAll(List.of("-jar", registry.jar(loader).toString()));
    command.addAll(Arrays.asList(IsolatedCatalog.commandLine(prefix)));
    command.addAll(
        List.of(
            "--server.port=" + port,
            "--officeflow.vespa-loader.feed.endpoints=" + sim,
            "--officeflow.vespa-loader.search.endpoint=" + sim,
            "--officeflow.security.user-jwt.jwk-set-uri=" + jwksUri,
            "--logging.structured.format.console="));
    Files.createDirectories(Path.of("target"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(new File("target/service.log")))
            .start();
    return new ServiceProcess(process, port);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** Waits until {@code /actuator/health} answers 200; returns how long that took, in ms. */
  long awaitHealthy() throws Exception {
    long start = System.nanoTime();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited; see target/service.log");
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service was not healthy in 120 s; see target/service.log");
  }

  /** The process's resident set, in kB, from {@code /proc}. */
  long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
