package dev.officeflow.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults the drill applies to the running system mid-backfill. Each returns, once the system is
 * whole again, a sentence saying what it did. The long outages last {@code length}: PostgreSQL
 * stopped, vespa-sim and Redis frozen.
 */
final class Outages {

  private final SystemUnderTest system;
  private final Path state;
  private final Duration length;
  private final Path pgCtl;

  /**
   * @param pgCtl PostgreSQL's {@code pg_ctl}, the one {@code ./dev} starts the cluster with
   */
  Outages(SystemUnderTest system, Path state, Duration length, Path pgCtl) {
    this.system = system;
    this.state = state;
    this.length = length;
    this.pgCtl = pgCtl;
  }

  Duration length() {
    return length;
  }

  String killAndRestart(String app) throws Exception {
    system.kill9(app);
    system.up();
    return app + " killed (SIGKILL), started again by ./dev up";
  }

  /** Redis' data is gone: {@code ./dev} runs it without persistence. */
  String restartRedis() throws Exception {
    // Not checked: redis-cli may report the connection the shutdown closed as an error.
    Process shutdown =
        new ProcessBuilder(
                "redis-cli",
                "-h",
                "127.0.0.1",
                "-p",
                System.getenv("REDIS_PORT"),
                "shutdown",
                "nosave")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    shutdown.waitFor();
    system.up();
    return "Redis shut down (nosave, its data lost), started again by ./dev up";
  }

  String restartPostgres() throws Exception {
    ProcessHandle postmaster = postmaster();
    command("kill", "-INT", Long.toString(postmaster.pid())); // PostgreSQL's "fast" shutdown
    postmaster.onExit().join();
    system.up();
    return "PostgreSQL shut down (fast), started again at once by ./dev up";
  }

  /**
   * PostgreSQL stopped as an operator stops it ({@code pg_ctl stop -m fast}: open transactions
   * rolled back, connections closed), down for the outage's length, then started by {@code ./dev
   * up} on the same data directory, port and options.
   */
  String stopPostgres() throws Exception {
    ProcessHandle postmaster = postmaster();
    List<String> stop = new ArrayList<>();
    // pg_ctl refuses to run as root; ./dev runs the cluster as the postgres user then.
    if ("root".equals(System.getProperty("user.name"))) {
      stop.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    stop.addAll(List.of(pgCtl.toString(), "-D", dataDirectory().toString(), "-m", "fast", "-w"));
    stop.add("stop");
    command(stop.toArray(String[]::new));
    postmaster.onExit().join();
    hold();
    system.up();
    return "PostgreSQL stopped (pg_ctl stop -m fast) for "
        + length.toSeconds()
        + " s, started again by ./dev up on the same data directory";
  }

  /**
   * vespa-sim keeps its documents on its heap only: a restart would lose every document and the
   * counts could never equal the baseline's. So its process is frozen instead: connections are
   * still accepted by the kernel and never answered, as a Vespa that hangs.
   */
  String freezeVespa() throws Exception {
    freeze(system.pid("vespa-sim"));
    return "vespa-sim frozen (SIGSTOP, SIGCONT after "
        + length.toSeconds()
        + " s; not restarted: it keeps documents in memory only)";
  }

  /** Redis unreachable with its data kept: the process frozen, not shut down. */
  String freezeRedis() throws Exception {
    freeze(Long.parseLong(Files.readString(state.resolve("redis/redis.pid")).trim()));
    return "Redis frozen (SIGSTOP, SIGCONT after " + length.toSeconds() + " s; its data kept)";
  }

  private void freeze(long pid) throws Exception {
    command("kill", "-STOP", Long.toString(pid));
    try {
      hold();
    } finally {
      // Whatever happens to the drill, the process must not stay frozen.
      command("kill", "-CONT", Long.toString(pid));
    }
  }

  /**
   * The outage itself: a fixed length of time on purpose, not a wait for a condition (what the
   * drill tests is how the services ride out exactly this long an outage).
   */
  private void hold() throws InterruptedException {
    Thread.sleep(length.toMillis());
  }

  private Path dataDirectory() {
    return state.resolve("postgres/data");
  }

  private ProcessHandle postmaster() throws IOException {
    Path pidFile = dataDirectory().resolve("postmaster.pid");
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    return ProcessHandle.of(pid)
        .orElseThrow(
            () -> new IllegalStateException("PostgreSQL (pid " + pid + ") is not running"));
  }

  /** Runs a command to its end; one that fails is an error, with its output. */
  private static void command(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
    }
  }
}
