package dev.officeflow.office.testing;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office service's exec jar ({@code target/office-*-exec.jar}, built by {@code package}) run in
 * a process of its own, its JSON log in {@code target/}. {@link #kill()} is SIGKILL.
 */
public final class OfficeProcess implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final Path log;
  private final OfficeClient api;
  private final Map<String, JsonNode> lastSeen = new ConcurrentHashMap<>();

  private OfficeProcess(Process process, Path log, OfficeClient api) {
    this.process = process;
    this.log = log;
    this.api = api;
  }

  public static OfficeProcess start(Map<String, Object> properties, String name)
      throws IOException {
    int port = freePort();
    Path log = Path.of("target", "office-" + name + "-" + System.currentTimeMillis() + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", execJar().toString()));
    command.add("--server.port=" + port);
    command.addAll(List.of(OfficeClient.args(properties)));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OfficeProcess office = new OfficeProcess(process, log, new OfficeClient(port));
    office.awaitReady();
    return office;
  }

  private void awaitReady() {
    await("office process to answer (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> !process.isAlive() || api.get("/actuator/health").status() == 200);
    if (!process.isAlive()) {
      throw new IllegalStateException("the office process exited: see " + log);
    }
  }

  public OfficeClient api() {
    return api;
  }

  /** The job as the API shows it now (and remembered for {@link #lastSeen}). */
  public JsonNode job(String id) {
    JsonNode job = api.get("/internal/backfill/" + id).body();
    lastSeen.put(id, job);
    return job;
  }

  /** The job as this process last showed it. */
  public JsonNode lastSeen(String id) {
    return lastSeen.get(id);
  }

  /** SIGKILL: no shutdown hooks, no lease handed back. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** The last run-log line of job {@code id} this process wrote. */
  public JsonNode runLog(String id) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> l.startsWith("{") && l.contains("backfill run finished"))
          .map(JSON::readTree)
          .filter(n -> id.equals(n.path("batchId").asString()))
          .reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no run log of " + id + " in " + log));
    }
  }

  private static Path execJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("office-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no office exec jar: run mvn package"));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
