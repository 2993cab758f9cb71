package dev.officeflow.office.testing;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office service's exec jar ({@code target/office-*-exec.jar}, built by {@code package}) run in
 * a process of its own as ./dev up runs it (the registry, tools/apps.tsv), its JSON log in {@code
 * target/}. {@link #kill()} is SIGKILL.
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
    List<String> command = new ArrayList<>(AppRegistry.load().javaCommand("office"));
    command.add("--server.port=" + port);
    command.addAll(List.of(OfficeClient.args(properties)));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    OfficeProcess office = new OfficeProcess(process, log, new OfficeClient(port));
    try {
      office.awaitReady();
    } catch (RuntimeException | Error notReady) {
      // A process that starts too late must not outlive the test that gave up on it.
      process.destroyForcibly();
      throw notReady;
    }
    return office;
  }

  private void awaitReady() {
    await("office process to answer (log: " + log + ")")
        // Two cores shared with other builds: a cold JVM has been seen to take over 90 s.
        .atMost(Duration.ofSeconds(180))
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

  /**
   * The last run-log line of job {@code id} this process wrote, waiting a little for it: a run
   * stores the job's state and announces it before the runner logs it, so a job can read
   * "completed" some milliseconds before its line is in the log.
   */
  public JsonNode runLog(String id) {
    return await("run log of " + id + " in " + log)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> lastRunLog(id), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<JsonNode> lastRunLog(String id) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> l.startsWith("{") && l.contains("backfill run finished"))
          .map(JSON::readTree)
          .filter(n -> id.equals(n.path("batchId").asString()))
          .reduce((a, b) -> b);
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
