package dev.officeflow.bench.pipeline;

import dev.officeflow.bench.pipeline.SystemUnderTest.Connected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's fault tests against the running system: every user has the same generated mailbox (one
 * seed), so each disturbed run must end exactly where the undisturbed baseline ended: the same
 * number of documents in vespa-sim, the same top-100 contact counts, no dead letters. Exits 1 when
 * any check fails.
 */
public final class FaultDrill {

  private static final int SEED = 77;
  private static final List<String> TOPICS = List.of("emails", "calendars");
  private static final List<String> CONSUMERS = List.of("CONTACTS_PORT", "VESPA_LOADER_PORT");
  private static final Duration SETTLE = Duration.ofMinutes(4);
  private static final Duration QUIET = Duration.ofSeconds(30);

  private final SystemUnderTest system;
  private final Path state;
  private final DeadLetters deadLetters;
  private final List<String> failures = new ArrayList<>();
  private Outcome baseline = new Outcome(0, 0, Map.of());

  /** Where a user's data ended up. */
  record Outcome(long emails, long events, Map<String, String> candidates) {}

  /** A fault applied mid-backfill, and how the system is brought back. */
  interface Fault {
    void apply() throws Exception;
  }

  private FaultDrill(SystemUnderTest system, Path state) {
    this.system = system;
    this.state = state;
    this.deadLetters =
        new DeadLetters(System.getenv("PUBSUB_EMULATOR_HOST"), System.getenv("PUBSUB_PROJECT_ID"));
  }

  public static void main(String[] args) throws Exception {
    Path state = Path.of(System.getProperty("bench.state"));
    SystemUnderTest system = new SystemUnderTest(Path.of(System.getProperty("bench.root")), state);
    FaultDrill drill = new FaultDrill(system, state);
    system.raiseQuotaToOfficePacing();
    drill.run();
  }

  private void run() throws Exception {
    Connected base = system.connect("baseline@officeflow.test", SEED);
    awaitJob(base);
    baseline = settle(base, null);
    System.out.printf(
        "baseline: %,d email and %,d calendar documents, %d candidates%n",
        baseline.emails(), baseline.events(), baseline.candidates().size());
    check("baseline leaves no dead letters", deadLetters.drain().isEmpty());

    scenario("kill -9 office", () -> killAndRestart("office"));
    scenario("kill -9 contacts", () -> killAndRestart("contacts"));
    scenario("kill -9 vespa-loader", () -> killAndRestart("vespa-loader"));
    scenario("restart Redis", this::restartRedis);
    scenario("restart PostgreSQL", this::restartPostgres);
    hostile();

    System.out.println();
    System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  private void scenario(String name, Fault fault) throws Exception {
    System.out.println();
    System.out.println("==> " + name + " during a backfill");
    String email = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "@officeflow.test";
    Connected user = system.connect(email, SEED);
    // A third into the Gmail phase: the calendar comes first, and the job's percent jumps while
    // Gmail's estimate is still unknown.
    long publishedAtFault = awaitPublished(user, baseline.events() + baseline.emails() / 3);
    fault.apply();
    System.out.printf(
        "    fault applied at %,d events published; system up again%n", publishedAtFault);
    awaitJob(user);
    Outcome outcome = settle(user, baseline);
    compare(name, outcome);
    Map<String, Map<String, Integer>> dead = deadLetters.drain();
    check(name + ": no dead letters (" + dead + ")", dead.isEmpty());
  }

  private void killAndRestart(String app) throws Exception {
    system.kill9(app);
    system.up();
  }

  private void restartRedis() throws Exception {
    run("redis-cli", "-h", "127.0.0.1", "-p", System.getenv("REDIS_PORT"), "shutdown", "nosave");
    system.up();
  }

  private void restartPostgres() throws Exception {
    Path pidFile = state.resolve("postgres/data/postmaster.pid");
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    run("kill", "-INT", Long.toString(pid)); // PostgreSQL's "fast" shutdown
    postmaster.onExit().join();
    system.up();
  }

  /** Hostile traffic first, then a good user's backfill, which must still end like the baseline. */
  private void hostile() throws Exception {
    System.out.println();
    System.out.println("==> 200 hostile messages on emails and calendars, then good traffic");
    Map<String, Map<String, Long>> before = new java.util.TreeMap<>();
    for (String port : CONSUMERS) {
      before.put(port, system.outcomes(port, TOPICS));
    }
    Map<String, Integer> published = new java.util.TreeMap<>();
    try (Emulator emulator = Emulator.fromEnvironment()) {
      for (var topic : new HostileMessages().build("hostile-user").entrySet()) {
        for (var message : topic.getValue()) {
          try {
            emulator.publishAll(topic.getKey(), List.of(message));
            published.merge(topic.getKey(), 1, Integer::sum);
          } catch (RuntimeException e) {
            published.merge(topic.getKey() + " refused by the emulator", 1, Integer::sum);
          }
        }
      }
    }
    System.out.println("    published: " + published);
    Connected user = system.connect("after-hostile@officeflow.test", SEED);
    long good = awaitJob(user).path("progress").path("published").asLong();
    compare("good traffic after hostile messages", settle(user, baseline));
    int hostile = published.getOrDefault("emails", 0) + published.getOrDefault("calendars", 0);
    for (var consumer : before.entrySet()) {
      accountFor(consumer.getKey(), consumer.getValue(), hostile + good);
    }
    for (String port : List.of("CONTACTS_PORT", "VESPA_LOADER_PORT", "OFFICE_PORT", "USER_PORT")) {
      check(port.replace("_PORT", "").toLowerCase() + " still healthy", system.healthy(port));
    }
    Map<String, Map<String, Integer>> dead = deadLetters.drain();
    int total = dead.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
    System.out.println("    dead-lettered " + total + " deliveries, by subscription and reason:");
    dead.forEach(
        (sub, reasons) ->
            reasons.forEach((r, n) -> System.out.printf("      %-32s %4d  %s%n", sub, n, r)));
  }

  /**
   * Every delivery since {@code before} settled once (retries aside): each hostile message was
   * dead-lettered or handled, none is stuck. Waits for retries to run out.
   */
  private void accountFor(String port, Map<String, Long> before, long expected) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Map<String, Long> delta = Map.of();
    long settled = 0;
    while (System.nanoTime() < deadline) {
      Map<String, Long> now = system.outcomes(port, TOPICS);
      delta = new java.util.TreeMap<>();
      for (var e : now.entrySet()) {
        long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
        if (d > 0) {
          delta.put(e.getKey(), d);
        }
      }
      settled =
          delta.entrySet().stream()
              .filter(e -> !e.getKey().equals("retry") && !e.getKey().equals("failed"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      if (settled >= expected) {
        break;
      }
      Thread.sleep(1000);
    }
    String name = port.replace("_PORT", "").toLowerCase().replace('_', '-');
    check(
        name + ": " + settled + " of " + expected + " deliveries settled " + delta,
        settled >= expected);
  }

  private void compare(String name, Outcome outcome) {
    check(
        name + ": email documents " + outcome.emails() + " = " + baseline.emails(),
        outcome.emails() == baseline.emails());
    check(
        name + ": calendar documents " + outcome.events() + " = " + baseline.events(),
        outcome.events() == baseline.events());
    check(
        name + ": top-100 contact counts equal the baseline's",
        outcome.candidates().equals(baseline.candidates()));
  }

  private void check(String what, boolean ok) {
    System.out.println("    " + (ok ? "ok   " : "FAIL ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  /**
   * Waits until the user's documents and candidates stop changing (and, with a target, reach it),
   * then returns them.
   */
  private Outcome settle(Connected user, Outcome target) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Outcome last = null;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Outcome now =
          new Outcome(
              system.documents("email", user.userId()),
              system.documents("calendar_event", user.userId()),
              system.candidates(user));
      if (!now.equals(last)) {
        last = now;
        stableSince = System.nanoTime();
      }
      // Long enough for the Calendar streaming's catch-up listing after the backfill: it also
      // publishes the (freshly generated, so recently updated) events outside the backfill window.
      boolean stable = System.nanoTime() - stableSince > QUIET.toNanos();
      if (Objects.equals(now, target) || (target == null && stable && now.emails() > 0)) {
        return now;
      }
      Thread.sleep(1000);
    }
    return Objects.requireNonNull(last);
  }

  private long awaitPublished(Connected user, long events) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      var job = system.job(user.userId());
      long published = job.map(j -> j.path("progress").path("published").asLong()).orElse(0L);
      if (published >= events) {
        return published;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(user.email() + ": the backfill never published " + events);
  }

  private JsonNode awaitJob(Connected user) throws Exception {
    return system.awaitJob(user.userId(), Duration.ofMinutes(10));
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    p.waitFor();
  }
}
