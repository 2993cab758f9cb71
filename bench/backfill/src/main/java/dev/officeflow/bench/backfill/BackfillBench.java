package dev.officeflow.bench.backfill;

import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.GoogleSimConfig;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.admin.SimStats;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.office.OfficeApplication;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillRequest;
import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Backfills of generated accounts (2,000 messages in the window and 500 events each) against
 * google-sim with Google's default per-user quota enforced, for 1 user and then for 20 users at
 * once. Prints, per scenario, the quota-limited minimum time (google-sim's exact model: {@code
 * max(0, units − capacity) / rate} per user and API, for the units the run was charged), the
 * measured time (job created → job finished, by the database's clock), the efficiency (minimum ÷
 * measured) and the quota errors google-sim counted. Then the same for Microsoft mailboxes against
 * graph-sim ({@link MicrosoftBackfill}), in the same office instance. {@code bench.scenarios}
 * chooses {@code google}, {@code microsoft} or both (the default).
 */
public final class BackfillBench {

  static final String PREFIX = "bench-backfill-";
  private static final QuotaSettings QUOTA = QuotaSettings.defaults();
  private static final String WARMUP = "warmup@acme.test";
  private static final int MESSAGES = Integer.getInteger("bench.messages", 2000);
  private static final int EVENTS = Integer.getInteger("bench.events", 500);
  private static final int CONCURRENT = Integer.getInteger("bench.users", 20);

  private BackfillBench() {}

  /** What one scenario measured. */
  record Result(
      String name,
      int users,
      long itemsPerUser,
      long gmailUnitsPerUser,
      double minimumSeconds,
      double measuredSeconds,
      double worstUserEfficiency,
      long quotaErrors,
      long failedJobs) {

    double efficiency() {
      return minimumSeconds / measuredSeconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Set<String> scenarios = scenarios();
    // try-with-resources skips a null resource: a provider not asked for is never started.
    try (GoogleSim google = scenarios.contains("google") ? startGoogle() : null;
        MicrosoftBackfill microsoft =
            scenarios.contains(MicrosoftBackfill.PROVIDER)
                ? MicrosoftBackfill.start(CONCURRENT)
                : null) {
      applyCatalog();
      List<String> officeArgs = new ArrayList<>();
      if (google != null) {
        officeArgs.addAll(googleArgs(google));
      }
      if (microsoft != null) {
        officeArgs.addAll(microsoft.officeArgs());
      }
      try (ConfigurableApplicationContext office = startOffice(officeArgs)) {
        BackfillService service = office.getBean(BackfillService.class);
        List<Result> googleResults = google == null ? List.of() : runGoogle(service, google);
        List<MicrosoftBackfill.Result> microsoftResults =
            microsoft == null ? List.of() : microsoft.run(service);
        if (!googleResults.isEmpty()) {
          print(googleResults);
        }
        if (!microsoftResults.isEmpty()) {
          MicrosoftBackfill.print(microsoftResults);
        }
      }
    }
  }

  /** {@code bench.scenarios}: {@code google}, {@code microsoft} or both (the default). */
  private static Set<String> scenarios() {
    Set<String> chosen = new LinkedHashSet<>();
    for (String s : System.getProperty("bench.scenarios", "google,microsoft").split(",")) {
      String name = s.strip().toLowerCase(Locale.ROOT);
      if (!name.equals("google") && !name.equals(MicrosoftBackfill.PROVIDER)) {
        throw new IllegalArgumentException(
            "bench.scenarios (BENCH_SCENARIOS) names google and/or microsoft, not: " + s);
      }
      chosen.add(name);
    }
    return chosen;
  }

  private static GoogleSim startGoogle() {
    List<String> users = googleUsers();
    long generating = System.nanoTime();
    GoogleSimConfig config =
        GoogleSimConfig.defaults().withPort(0).withThreads(32).withQuota(QUOTA);
    config =
        config.withAccount(AccountSpec.of(WARMUP).withMailbox(new MailboxSpec(99, 300, 0, 100, 0)));
    for (int i = 0; i < users.size(); i++) {
      MailboxSpec mailbox = new MailboxSpec(100 + i, MESSAGES, 0, EVENTS, 0);
      config = config.withAccount(AccountSpec.of(users.get(i)).withMailbox(mailbox));
    }
    GoogleSim sim = GoogleSim.start(config);
    System.out.printf(
        Locale.ROOT,
        "google-sim: %d accounts generated in %.1f s; quota %d Gmail units/user/min, %d Calendar requests/user/min, burst %d s%n",
        users.size(),
        (System.nanoTime() - generating) / 1e9,
        QUOTA.gmailUnitsPerMinute(),
        QUOTA.calendarRequestsPerMinute(),
        QUOTA.burst().toSeconds());
    return sim;
  }

  private static List<String> googleUsers() {
    return IntStream.rangeClosed(0, CONCURRENT).mapToObj(i -> "bench-" + i + "@acme.test").toList();
  }

  private static List<Result> runGoogle(BackfillService service, GoogleSim sim)
      throws InterruptedException {
    List<String> users = googleUsers();
    // A service in production runs warm: one small backfill first, untimed, so the JIT and
    // the connections are ready (a cold first run costs about 10 s here).
    awaitAll(
        service, List.of(service.start(BackfillRequest.defaults(WARMUP, "google")).block().id()));
    List<Result> results = new ArrayList<>();
    results.add(run("1 user", users.subList(0, 1), service, sim, QUOTA));
    results.add(
        run(CONCURRENT + " users at once", users.subList(1, users.size()), service, sim, QUOTA));
    return results;
  }

  private static Result run(
      String name, List<String> users, BackfillService service, GoogleSim sim, QuotaSettings quota)
      throws InterruptedException {
    System.out.printf(Locale.ROOT, "running: %s ...%n", name);
    List<UUID> ids =
        users.stream()
            .map(u -> service.start(BackfillRequest.defaults(u, "google")).block().id())
            .toList();
    List<BackfillJob> done = awaitAll(service, ids);
    SimStats stats = sim.stats();
    Instant created =
        done.stream().map(BackfillJob::createdAt).min(Instant::compareTo).orElseThrow();
    Instant finished =
        done.stream()
            .map(j -> j.finishedAt() == null ? j.updatedAt() : j.finishedAt())
            .max(Instant::compareTo)
            .orElseThrow();
    double measured = Duration.between(created, finished).toNanos() / 1e9;
    double minimum = 0;
    double worst = Double.MAX_VALUE;
    for (BackfillJob job : done) {
      double userMinimum = minimum(stats, job.userId(), quota);
      minimum = Math.max(minimum, userMinimum);
      double userMeasured =
          Duration.between(
                      job.createdAt(),
                      job.finishedAt() == null ? job.updatedAt() : job.finishedAt())
                  .toNanos()
              / 1e9;
      worst = Math.min(worst, userMinimum / userMeasured);
    }
    long errors = users.stream().mapToLong(stats::quotaErrors).sum();
    long failed =
        done.stream()
            .filter(j -> j.status() != dev.officeflow.office.backfill.JobStatus.COMPLETED)
            .count();
    return new Result(
        name,
        users.size(),
        done.get(0).published(),
        stats.gmailUnits().getOrDefault(users.get(0), 0L),
        minimum,
        measured,
        worst,
        errors,
        failed);
  }

  /** google-sim's exact model: the least time to spend what this user was charged, per API. */
  private static double minimum(SimStats stats, String user, QuotaSettings quota) {
    long units = stats.gmailUnits().getOrDefault(user, 0L);
    long requests = stats.calendarRequests().getOrDefault(user, 0L);
    Duration gmail = quota.minimumTime(units, quota.gmailRate());
    Duration calendar = quota.minimumTime(requests, quota.calendarRate());
    return Math.max(gmail.toNanos(), calendar.toNanos()) / 1e9;
  }

  static List<BackfillJob> awaitAll(BackfillService service, List<UUID> ids)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<BackfillJob> jobs = ids.stream().map(id -> service.find(id).block()).toList();
      if (jobs.stream().noneMatch(j -> j.status().active())) {
        return jobs;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("jobs did not finish within 20 minutes");
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.println(
        "scenario            users  items/user  gmail units/user  minimum s  measured s  efficiency  worst user  quota errors  failed jobs");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-18s %6d %11d %17d %10.1f %11.1f %11.3f %11.3f %13d %12d%n",
          r.name(),
          r.users(),
          r.itemsPerUser(),
          r.gmailUnitsPerUser(),
          r.minimumSeconds(),
          r.measuredSeconds(),
          r.efficiency(),
          r.worstUserEfficiency(),
          r.quotaErrors(),
          r.failedJobs());
    }
    boolean met =
        results.stream()
            .allMatch(r -> r.efficiency() >= 0.9 && r.quotaErrors() == 0 && r.failedJobs() == 0);
    System.out.println();
    System.out.println(
        "target (efficiency >= 0.9, zero quota errors): " + (met ? "met" : "NOT met"));
  }

  private static void applyCatalog() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args = {
      "--emulator",
      env("PUBSUB_EMULATOR_HOST"),
      "--project",
      env("PUBSUB_PROJECT_ID"),
      "--prefix",
      PREFIX
    };
    if (Main.run(args, Map.of(), out, out) != 0) {
      throw new IllegalStateException("setup-pubsub failed:\n" + output);
    }
  }

  private static List<String> googleArgs(GoogleSim sim) {
    return List.of(
        "--officeflow.office.google.root-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.sim-url=" + sim.baseUrl(),
        "--officeflow.office.tokens.token-url=" + sim.baseUrl() + "token");
  }

  private static ConfigurableApplicationContext startOffice(List<String> providerArgs) {
    String postgres = env("POSTGRES_HOST") + ":" + env("POSTGRES_PORT") + "/officeflow_office";
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.cloud.gcp.pubsub.emulator-host=" + env("PUBSUB_EMULATOR_HOST"),
                "--spring.cloud.gcp.project-id=" + env("PUBSUB_PROJECT_ID"),
                "--officeflow.pubsub.prefix=" + PREFIX,
                "--officeflow.redis.url=" + env("REDIS_URL"),
                "--officeflow.consumer.enabled=false",
                "--spring.r2dbc.url=r2dbc:postgresql://" + postgres,
                "--spring.flyway.url=jdbc:postgresql://" + postgres,
                "--officeflow.office.quota.key-prefix=bench:" + UUID.randomUUID() + ":",
                "--logging.level.root=WARN",
                "--logging.level.dev.officeflow.office.backfill.BackfillRunner=INFO",
                "--logging.level.dev.officeflow.office.backfill.JobRun="
                    + (Boolean.getBoolean("bench.steps") ? "DEBUG" : "INFO")));
    args.addAll(providerArgs);
    return new SpringApplicationBuilder(OfficeApplication.class).run(args.toArray(String[]::new));
  }

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set: source the bench infrastructure's env.sh");
    }
    return value;
  }
}
