package dev.officeflow.bench.backfill;

import dev.officeflow.graphsim.GraphSim;
import dev.officeflow.graphsim.GraphSimConfig;
import dev.officeflow.graphsim.account.AccountSpec;
import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.graphsim.throttle.ThrottleSettings;
import dev.officeflow.graphsim.web.CallStats;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.backfill.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The Microsoft scenarios: backfills of generated mailboxes (by default the acceptance volume:
 * 2,000 in-window messages plus older ones, 300 events, 200 contacts) against graph-sim in this
 * JVM, for 1 user and then for N users at once, with graph-sim's latency on every Graph answer and
 * a per-mailbox budget low enough to bind. graph-sim throttles each app and mailbox as Graph does
 * for Outlook ({@code requestsPer10Minutes}, 4 concurrent requests); the office paces the same
 * budget ({@code officeflow.office.quota.outlook-requests-per-minute}, a tenth of graph-sim's
 * number).
 *
 * <p>graph-sim's burst (the budget's capacity) is set to what the office's bucket assumes, 10 s of
 * the rate ({@code officeflow.office.quota.burst}): with graph-sim's default, the whole 10-minute
 * budget, a mailbox of a few dozen requests would never meet the budget at all.
 *
 * <p>Per user, the least time graph-sim allows for the {@code T} Graph requests it counted for the
 * mailbox is {@code max(max(0, T − C) / r, T × L / 4)} ({@link ThrottleSettings#minimumTime(long,
 * Duration)}); the users' budgets are independent, so a scenario's minimum is its largest user's.
 */
final class MicrosoftBackfill implements AutoCloseable {

  static final String PROVIDER = "microsoft";
  private static final String WARMUP = "warmup@contoso.test";
  private static final int MESSAGES = Integer.getInteger("bench.microsoft.messages", 2000);
  private static final int EVENTS = Integer.getInteger("bench.microsoft.events", 300);
  private static final int CONTACTS = Integer.getInteger("bench.microsoft.contacts", 200);
  private static final int PER_MINUTE =
      Integer.getInteger("bench.microsoft.requests-per-minute", 30);
  private static final Duration LATENCY =
      Duration.ofMillis(Integer.getInteger("bench.microsoft.latency-ms", 30));

  /** The office's bucket holds this much of the rate ({@code officeflow.office.quota.burst}). */
  private static final Duration OFFICE_BURST = Duration.ofSeconds(10);

  /** What one scenario measured. */
  record Result(
      String name,
      int users,
      long requestsPerUser,
      double budgetSeconds,
      double concurrencySeconds,
      double measuredSeconds,
      double worstUserEfficiency,
      double slowestStartSeconds,
      long refusals,
      long itemsPerUser,
      long expected,
      long delivered,
      long duplicates,
      long failedJobs) {

    double minimumSeconds() {
      return Math.max(budgetSeconds, concurrencySeconds);
    }

    double efficiency() {
      return minimumSeconds() / measuredSeconds;
    }

    boolean met() {
      return efficiency() >= 1 / 1.1
          && refusals == 0
          && delivered == expected
          && duplicates == 0
          && failedJobs == 0;
    }
  }

  private final GraphSim sim;
  private final ThrottleSettings throttle;
  private final List<String> users;

  private MicrosoftBackfill(GraphSim sim, ThrottleSettings throttle, List<String> users) {
    this.sim = sim;
    this.throttle = throttle;
    this.users = users;
  }

  /** graph-sim with the warm-up account and {@code concurrent} + 1 generated mailboxes. */
  static MicrosoftBackfill start(int concurrent) {
    if (PER_MINUTE < 6) {
      throw new IllegalArgumentException("bench.microsoft.requests-per-minute must be at least 6");
    }
    ThrottleSettings throttle =
        ThrottleSettings.defaults()
            .withRequestsPer10Minutes(PER_MINUTE * 10)
            .withBurstRequests((int) Math.round(PER_MINUTE / 60.0 * OFFICE_BURST.toSeconds()));
    List<String> users =
        IntStream.rangeClosed(0, concurrent).mapToObj(i -> "ms-" + i + "@contoso.test").toList();
    long generating = System.nanoTime();
    GraphSimConfig config =
        GraphSimConfig.defaults()
            .withPort(0)
            .withThreads(32)
            .withThrottling(throttle)
            .withFaults(FaultSettings.none().withLatency(LATENCY))
            .withAccount(AccountSpec.of(WARMUP).withMailbox(98, 300, 30, 30, 3).withContacts(20));
    for (int i = 0; i < users.size(); i++) {
      config =
          config.withAccount(
              AccountSpec.of(users.get(i))
                  .withMailbox(300 + i, MESSAGES, MESSAGES / 10, EVENTS, EVENTS / 10)
                  .withContacts(CONTACTS));
    }
    GraphSim sim = GraphSim.start(config);
    System.out.printf(
        Locale.ROOT,
        "graph-sim: %d accounts generated in %.1f s; %d requests/10 min per app and mailbox (the"
            + " office: %d/min), burst %d, %d concurrent, latency %d ms%n",
        users.size(),
        (System.nanoTime() - generating) / 1e9,
        throttle.requestsPer10Minutes(),
        PER_MINUTE,
        throttle.burstRequests(),
        throttle.concurrentRequests(),
        LATENCY.toMillis());
    return new MicrosoftBackfill(sim, throttle, users);
  }

  /** The office's settings for graph-sim, its budget and its concurrency limit. */
  List<String> officeArgs() {
    return List.of(
        "--officeflow.office.microsoft.graph-url=" + sim.graphUrl(),
        "--officeflow.office.tokens.microsoft.sim-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.microsoft.token-url=" + sim.oauthUrl() + "token",
        "--officeflow.office.quota.outlook-requests-per-minute=" + PER_MINUTE,
        // Read by the office's per-mailbox concurrency limit where it exists, ignored otherwise.
        "--officeflow.office.microsoft.concurrent-requests=" + throttle.concurrentRequests(),
        // Streaming after a backfill (subscriptions, first delta rounds) would spend the same
        // budget after the job ended, and blur the count of the backfill's own requests.
        "--officeflow.office.streaming.microsoft.enabled=false");
  }

  /** A warm-up backfill (untimed), then 1 user, then the others at once. */
  List<Result> run(BackfillService service) throws Exception {
    BackfillBench.awaitAll(service, List.of(start(service, WARMUP)));
    List<Result> results = new ArrayList<>();
    results.add(scenario("1 user", "one", users.subList(0, 1), service));
    results.add(
        scenario(
            (users.size() - 1) + " users at once",
            "many",
            users.subList(1, users.size()),
            service));
    return results;
  }

  /** One scenario; {@code tag} names its subscriptions. */
  private Result scenario(String name, String tag, List<String> emails, BackfillService service)
      throws Exception {
    System.out.printf(Locale.ROOT, "running: microsoft, %s ...%n", name);
    try (TopicTally tally =
        TopicTally.create(
            BackfillBench.env("PUBSUB_EMULATOR_HOST"),
            BackfillBench.env("PUBSUB_PROJECT_ID"),
            BackfillBench.PREFIX,
            PROVIDER,
            tag)) {
      CallStats.Snapshot before = sim.admin().stats();
      List<UUID> ids = emails.stream().map(u -> start(service, u)).toList();
      List<BackfillJob> done = BackfillBench.awaitAll(service, ids);
      CallStats.Snapshot after = sim.admin().stats();
      tally.collect();
      awaitDelivered(tally, done);
      if (tally.undecodable() > 0) {
        System.out.println("undecodable messages on the topics: " + tally.undecodable());
      }
      return result(name, emails, done, before, after, tally);
    }
  }

  private Result result(
      String name,
      List<String> emails,
      List<BackfillJob> done,
      CallStats.Snapshot before,
      CallStats.Snapshot after,
      TopicTally tally) {
    long requests = 0;
    double budget = 0;
    double concurrency = 0;
    double worst = Double.MAX_VALUE;
    long expected = 0;
    for (BackfillJob job : done) {
      GraphAccount account = sim.admin().account(job.userId());
      long t = after.byAccount().getOrDefault(account.id(), 0L);
      requests = Math.max(requests, t);
      double userBudget = seconds(throttle.minimumTime(t));
      double userConcurrency = seconds(LATENCY.multipliedBy(t)) / throttle.concurrentRequests();
      budget = Math.max(budget, userBudget);
      concurrency = Math.max(concurrency, userConcurrency);
      double userMeasured = seconds(Duration.between(job.createdAt(), finished(job)));
      worst = Math.min(worst, Math.max(userBudget, userConcurrency) / userMeasured);
      expected += GraphTruth.expected(account, job);
    }
    Instant created =
        done.stream().map(BackfillJob::createdAt).min(Instant::compareTo).orElseThrow();
    Instant finished =
        done.stream().map(MicrosoftBackfill::finished).max(Instant::compareTo).orElseThrow();
    return new Result(
        name,
        emails.size(),
        requests,
        budget,
        concurrency,
        seconds(Duration.between(created, finished)),
        worst,
        done.stream()
            .mapToDouble(j -> seconds(Duration.between(j.createdAt(), started(j))))
            .max()
            .orElse(0),
        after.status(429) - before.status(429),
        done.get(0).published(),
        expected,
        emails.stream().mapToLong(tally::items).sum(),
        emails.stream().mapToLong(tally::duplicates).sum(),
        done.stream().filter(j -> j.status() != JobStatus.COMPLETED).count());
  }

  /** Waits (at most two minutes) until the topics hold as many items as each job published. */
  private static void awaitDelivered(TopicTally tally, List<BackfillJob> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline
        && done.stream().anyMatch(j -> tally.items(j.userId()) < j.published())) {
      Thread.sleep(200);
    }
  }

  private static UUID start(BackfillService service, String user) {
    return service.start(BackfillRequest.defaults(user, PROVIDER)).block().id();
  }

  private static Instant started(BackfillJob job) {
    return job.startedAt() == null ? job.createdAt() : job.startedAt();
  }

  private static Instant finished(BackfillJob job) {
    return job.finishedAt() == null ? job.updatedAt() : job.finishedAt();
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  static void print(List<Result> results) {
    System.out.println();
    System.out.println(
        "microsoft           users  requests/user  budget s  concurrency s  minimum s  measured s"
            + "  efficiency  worst user  slowest start s  429s  items/user  expected  delivered"
            + "  duplicates  failed jobs");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-18s %6d %14d %9.1f %14.1f %10.1f %11.1f %11.3f %11.3f %16.1f %5d %11d %9d %10d %11d"
              + " %12d%n",
          r.name(),
          r.users(),
          r.requestsPerUser(),
          r.budgetSeconds(),
          r.concurrencySeconds(),
          r.minimumSeconds(),
          r.measuredSeconds(),
          r.efficiency(),
          r.worstUserEfficiency(),
          r.slowestStartSeconds(),
          r.refusals(),
          r.itemsPerUser(),
          r.expected(),
          r.delivered(),
          r.duplicates(),
          r.failedJobs());
    }
    boolean met = results.stream().allMatch(Result::met);
    System.out.println();
    System.out.println(
        "microsoft target (measured <= 1.1 x minimum, i.e. efficiency >= 0.91; zero 429s; every"
            + " item once): "
            + (met ? "met" : "NOT met"));
  }

  @Override
  public void close() {
    sim.close();
  }
}
