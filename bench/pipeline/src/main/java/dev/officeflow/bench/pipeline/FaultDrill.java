package dev.officeflow.bench.pipeline;

import dev.officeflow.bench.pipeline.DrillReport.Outcome;
import dev.officeflow.bench.pipeline.SystemUnderTest.Connected;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The fault drill against the running system (issues 8 and 20): every user has the same generated
 * mailbox (one seed), so each disturbed run must end exactly where the undisturbed baseline ended:
 * the same number of documents in vespa-sim, the same top-100 contact counts, no dead letters. Then
 * hostile messages, after which every service must be healthy and under the memory limit. Exits 1
 * when any check fails.
 */
public final class FaultDrill {

  private static final int SEED = 77;
  private static final List<String> TOPICS = List.of("emails", "calendars");
  private static final List<String> CONSUMERS = List.of("CONTACTS_PORT", "VESPA_LOADER_PORT");
  private static final Duration SETTLE = Duration.ofMinutes(4);
  private static final Duration QUIET = Duration.ofSeconds(30);

  private final SystemUnderTest system;
  private final Outages outages;
  private final long rssLimitMib;
  private final DeadLetters deadLetters;
  private final DrillReport report = new DrillReport();

  /** A fault applied mid-backfill; returns, once the system is whole again, what it did. */
  interface Fault {
    String apply() throws Exception;
  }

  private FaultDrill(SystemUnderTest system, Outages outages, long rssLimitMib) {
    this.system = system;
    this.outages = outages;
    this.rssLimitMib = rssLimitMib;
    this.deadLetters =
        new DeadLetters(System.getenv("PUBSUB_EMULATOR_HOST"), System.getenv("PUBSUB_PROJECT_ID"));
  }

  public static void main(String[] args) throws Exception {
    Path state = Path.of(System.getProperty("bench.state"));
    SystemUnderTest system = new SystemUnderTest(Path.of(System.getProperty("bench.root")), state);
    Duration outage = Duration.ofSeconds(Long.getLong("bench.outageSeconds", 90));
    Path pgCtl = Path.of(System.getProperty("bench.pgCtl"));
    FaultDrill drill =
        new FaultDrill(
            system,
            new Outages(system, state, outage, pgCtl),
            Long.getLong("bench.rssLimitMib", 384));
    system.raiseQuotaToOfficePacing();
    drill.run();
  }

  private void run() throws Exception {
    Connected base = system.connect("baseline@officeflow.test", SEED);
    awaitJob(base);
    report.baseline(settle(base, null));
    Outcome baseline = report.baseline();
    System.out.printf(
        "baseline: %,d email and %,d calendar documents, %d candidates%n",
        baseline.emails(), baseline.events(), baseline.candidates().size());
    report.check("baseline leaves no dead letters", deadLetters.drain().isEmpty());

    // The long outages first: they are what a drill cut short would most need to have run.
    long seconds = outages.length().toSeconds();
    scenario("PostgreSQL stopped for " + seconds + " s", outages::stopPostgres);
    scenario("vespa-sim stopped for " + seconds + " s", outages::freezeVespa);
    scenario("Redis unreachable for " + seconds + " s", outages::freezeRedis);
    scenario("kill -9 office", () -> outages.killAndRestart("office"));
    scenario("kill -9 contacts", () -> outages.killAndRestart("contacts"));
    scenario("kill -9 vespa-loader", () -> outages.killAndRestart("vespa-loader"));
    scenario("restart Redis", outages::restartRedis);
    scenario("restart PostgreSQL", outages::restartPostgres);
    hostile();
    memory();

    report.printSummary();
    System.exit(report.passed() ? 0 : 1);
  }

  /**
   * A user's backfill disturbed a third into its Gmail phase. A scenario that breaks (the backfill
   * failed, the system did not come back) is a failed check, and the next scenario still runs.
   */
  private void scenario(String name, Fault fault) throws Exception {
    System.out.println();
    System.out.println("==> " + name + " during a backfill");
    String email = name.replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("^-|-$", "");
    OutcomeCounts before = OutcomeCounts.read(system);
    Duration outage = null;
    Outcome outcome = null;
    try {
      Connected user = system.connect(email.toLowerCase() + "@officeflow.test", SEED);
      // A third into the Gmail phase: the calendar comes first, and the job's percent jumps while
      // Gmail's estimate is still unknown.
      Outcome baseline = report.baseline();
      long publishedAtFault = awaitPublished(user, baseline.events() + baseline.emails() / 3);
      long start = System.nanoTime();
      String what = fault.apply();
      outage = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf(
          "    fault at %,d events published: %s; outage %.1f s (the fault to the system up again)%n",
          publishedAtFault, what, outage.toMillis() / 1000.0);
      awaitJob(user);
      outcome = settle(user, baseline);
      report.compare(name, outcome);
    } catch (Exception e) {
      report.check(name + ": the scenario ran to its end (" + e + ")", false);
    }
    int dead = reportDeadLetters(name);
    printOutcomes(OutcomeCounts.read(system).since(before));
    report.scenario(new DrillReport.Scenario(name, outage, outcome, dead));
  }

  /** Drains the dead letters, prints them per subscription and checks there are none. */
  private int reportDeadLetters(String name) throws Exception {
    Map<String, Map<String, Integer>> dead = deadLetters.drain();
    int total = dead.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
    if (dead.isEmpty()) {
      System.out.printf(
          "    dead letters: 0 in each of the %d dead-letter subscriptions%n",
          deadLetters.subscriptionCount());
    }
    dead.forEach(
        (sub, reasons) ->
            reasons.forEach(
                (r, n) -> System.out.printf("    dead letters: %-32s %4d  %s%n", sub, n, r)));
    report.check(name + ": no dead letters (" + total + ")", dead.isEmpty());
    return total;
  }

  private static void printOutcomes(Map<String, Map<String, Long>> outcomes) {
    System.out.println(
        "    consumer outcomes (officeflow_consumer_messages_total, this scenario):");
    outcomes.forEach((service, counts) -> System.out.printf("      %-12s %s%n", service, counts));
  }

  /** Hostile traffic first, then a good user's backfill, which must still end like the baseline. */
  private void hostile() throws Exception {
    System.out.println();
    System.out.println("==> hostile messages on emails and calendars, then good traffic");
    Map<String, Map<String, Long>> before = new TreeMap<>();
    for (String port : CONSUMERS) {
      before.put(port, system.outcomes(port, TOPICS));
    }
    OutcomeCounts all = OutcomeCounts.read(system);
    Map<String, Integer> published = new TreeMap<>();
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
    report.compare("good traffic after hostile messages", settle(user, report.baseline()));
    int hostile = published.getOrDefault("emails", 0) + published.getOrDefault("calendars", 0);
    for (var consumer : before.entrySet()) {
      accountFor(consumer.getKey(), consumer.getValue(), hostile + good);
    }
    for (String port : OutcomeCounts.SERVICES.values()) {
      String name = port.replace("_PORT", "").toLowerCase().replace('_', '-');
      report.check(name + " still healthy", system.healthy(port));
    }
    Map<String, Map<String, Integer>> dead = deadLetters.drain();
    int total = dead.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
    System.out.println("    dead-lettered " + total + " deliveries, by subscription and reason:");
    dead.forEach(
        (sub, reasons) ->
            reasons.forEach((r, n) -> System.out.printf("      %-32s %4d  %s%n", sub, n, r)));
    printOutcomes(OutcomeCounts.read(system).since(all));
    Map<String, Integer> perSubscription = new TreeMap<>();
    dead.forEach(
        (sub, reasons) ->
            perSubscription.put(sub, reasons.values().stream().mapToInt(i -> i).sum()));
    report.hostile(published + " published; " + total + " dead-lettered " + perSubscription);
  }

  /**
   * Every service's resident memory once the hostile messages and the good traffic after them are
   * settled, which must be below the limit; with the peak since the process started.
   */
  private void memory() throws Exception {
    System.out.println();
    System.out.printf(
        "==> resident memory after the hostile messages (VmRSS, limit %d MiB; peak = VmHWM)%n",
        rssLimitMib);
    for (String service : OutcomeCounts.SERVICES.keySet()) {
      double rss = system.rssMib(service);
      double peak = system.peakRssMib(service);
      String reading = String.format("RSS %.0f MiB (peak since start %.0f MiB)", rss, peak);
      report.check(
          String.format("%-12s %s < %d MiB", service, reading, rssLimitMib), rss < rssLimitMib);
      report.memory(service, reading);
    }
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
      delta = new TreeMap<>();
      for (var e : now.entrySet()) {
        long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
        if (d > 0) {
          delta.put(e.getKey(), d);
        }
      }
      // retry and unavailable are tries, not settlements; failed is counted beside them.
      settled =
          delta.entrySet().stream()
              .filter(e -> !List.of("retry", "failed", "unavailable").contains(e.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      if (settled >= expected) {
        break;
      }
      Thread.sleep(1000);
    }
    String name = port.replace("_PORT", "").toLowerCase().replace('_', '-');
    report.check(
        name + ": " + settled + " of " + expected + " deliveries settled " + delta,
        settled >= expected);
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
}
