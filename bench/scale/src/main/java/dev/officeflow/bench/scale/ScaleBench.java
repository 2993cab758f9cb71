package dev.officeflow.bench.scale;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Many users connecting within seconds (issue 22, item 6): google-sim with one small mailbox per
 * user and a project quota that binds, two office instances and the contacts service, each from its
 * jar; per scenario (1, 20, 200 users) the numbers {@link Report} prints. See {@code run}.
 */
public final class ScaleBench {

  private static final PrintStream OUT = System.out;

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    ScaleSettings settings = ScaleSettings.fromProperties();
    PubSubRest pubsub = PubSubRest.fromEnvironment();
    List<String> trimmed = Topology.apply(pubsub);
    boolean progress = Topology.subscribeToProgress(pubsub);
    OUT.printf(
        "==> catalog applied; subscriptions of consumers not running deleted: %s; progress topic:"
            + " %s%n",
        trimmed, progress ? "read on " + Topology.BENCH_PROGRESS : "not in the catalog");
    long generating = System.nanoTime();
    try (Simulator sim = Simulator.start(settings)) {
      OUT.printf(
          Locale.ROOT,
          "==> google-sim: %d accounts (%d messages, %d events each) ready in %.1f s; quota %s%n",
          settings.allUsers().size(),
          settings.messages(),
          settings.events(),
          (System.nanoTime() - generating) / 1e9,
          sim.quota());
      warnWithoutProjectQuota(sim.quota());
      try (Services services = Services.start(settings, sim);
          Connection contactsDb = database("officeflow_contacts");
          Connection officeDb = database("officeflow_office")) {
        OUT.println("==> two office instances and the contacts service are up");
        Scenario scenario =
            new Scenario(
                sim,
                services,
                new Connector(pubsub),
                progress ? pubsub : null,
                contactsDb,
                officeDb,
                settings);
        run(settings, scenario, sim, services, started);
      }
    }
  }

  private static void run(
      ScaleSettings settings, Scenario scenario, Simulator sim, Services services, long started)
      throws Exception {
    Report report = new Report(OUT);
    if (settings.warmupCount() > 0) {
      OUT.printf("==> warm-up: %d users, not counted%n", settings.warmupCount());
      report.detail(scenario.run("warm-up", settings.warmupUsers()));
    }
    List<ScenarioResult> results = new ArrayList<>();
    for (int i = 0; i < settings.scenarios().size(); i++) {
      awaitFullBuckets(sim.quota());
      int users = settings.scenarios().get(i);
      OUT.printf(
          "==> scenario %d: %s within %d s%n",
          i + 1,
          users == 1 ? "1 user connects" : users + " users connect",
          users == 1 ? 0 : settings.spread().toSeconds());
      ScenarioResult result =
          scenario.run(users == 1 ? "1 user" : users + " users", settings.scenarioUsers(i));
      report.detail(result);
      results.add(result);
    }
    report.table(results, services.quotaMetrics());
    double wall = (System.nanoTime() - started) / 1e9;
    report.targets(results, wall);
    OUT.printf(Locale.ROOT, "%nRSS after the run (MiB): google-sim %.0f", sim.rssMib());
    services.all().forEach(app -> OUT.printf(Locale.ROOT, ", %s %.0f", app.name(), app.rssMib()));
    OUT.printf(Locale.ROOT, "%nbench wall time: %.0f s%n", wall);
  }

  /**
   * Waits a burst's length: google-sim's buckets (the project's too) refill to full in that long
   * when nothing charges them, so each scenario starts, like the first, from full buckets.
   */
  private static void awaitFullBuckets(JsonNode quota) throws InterruptedException {
    long burstMillis = (long) (quota.path("burstSeconds").asDouble(10) * 1000);
    TimeUnit.MILLISECONDS.sleep(burstMillis + 1000);
  }

  private static void warnWithoutProjectQuota(JsonNode quota) {
    boolean any =
        QuotaBounds.APIS.stream().anyMatch(api -> QuotaBounds.projectLimit(quota, api).isPresent());
    if (!any) {
      OUT.println(
          "    google-sim reports no project limits: it does not enforce a project quota yet, so"
              + " only per-user budgets bind");
    }
  }

  private static Connection database(String name) throws java.sql.SQLException {
    String url =
        "jdbc:postgresql://"
            + Env.required("POSTGRES_HOST")
            + ":"
            + Env.required("POSTGRES_PORT")
            + "/"
            + name;
    String password = System.getenv("POSTGRES_PASSWORD");
    return DriverManager.getConnection(
        url, Env.required("POSTGRES_USER"), password == null ? "" : password);
  }
}
