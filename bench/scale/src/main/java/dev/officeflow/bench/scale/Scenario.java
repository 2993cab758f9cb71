package dev.officeflow.bench.scale;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One scenario: its users connect (spread over the window), the bench watches until every job
 * finished and every user has candidates (or a grace period passed), then computes the numbers from
 * google-sim's counters, the office's job rows and what the watcher saw.
 */
final class Scenario {

  private final Simulator sim;
  private final Services services;
  private final Connector connector;
  private final @Nullable PubSubRest progressSource;
  private final Connection contactsDb;
  private final Connection officeDb;
  private final ScaleSettings settings;

  Scenario(
      Simulator sim,
      Services services,
      Connector connector,
      @Nullable PubSubRest progressSource,
      Connection contactsDb,
      Connection officeDb,
      ScaleSettings settings) {
    this.sim = sim;
    this.services = services;
    this.connector = connector;
    this.progressSource = progressSource;
    this.contactsDb = contactsDb;
    this.officeDb = officeDb;
    this.settings = settings;
  }

  ScenarioResult run(String name, List<String> users) throws Exception {
    long started = System.nanoTime();
    JsonNode before = sim.stats();
    Map<String, Long> runsBefore = services.runsFinished();
    ProgressWatch progress = new ProgressWatch(progressSource, Set.copyOf(users));
    Map<String, Instant> connects;
    boolean done;
    Map<String, Long> outcomesBefore = services.contactsOutcomes();
    long settledBefore = services.contactsSettled();
    Watcher watcher = new Watcher(users, contactsDb, officeDb, progress, services::contactsSettled);
    try (watcher) {
      watcher.start();
      connects = connector.connect(users, settings.spread());
      done = watcher.awaitDone(settings.scenarioLimit());
    }
    JsonNode after = sim.stats();
    Map<String, Long> runs = new HashMap<>();
    services.runsFinished().forEach((k, v) -> runs.put(k, v - runsBefore.getOrDefault(k, 0L)));
    long settled = watcher.settledAtLastFinish() - settledBefore;
    Map<String, Long> outcomes = new java.util.TreeMap<>();
    services
        .contactsOutcomes()
        .forEach((k, v) -> outcomes.put(k, v - outcomesBefore.getOrDefault(k, 0L)));
    ScenarioResult.Contacts contacts =
        new ScenarioResult.Contacts(settledBefore < 0 || settled < 0 ? -1 : settled, outcomes);
    return result(
        name, users, connects, watcher, progress, before, after, runs, done, started, contacts);
  }

  private ScenarioResult result(
      String name,
      List<String> users,
      Map<String, Instant> connects,
      Watcher watcher,
      ProgressWatch progress,
      JsonNode before,
      JsonNode after,
      Map<String, Long> runs,
      boolean done,
      long started,
      ScenarioResult.Contacts contacts)
      throws Exception {
    Set<String> who = Set.copyOf(users);
    Map<String, Map<String, Long>> charged = new HashMap<>();
    for (QuotaBounds.Api api : QuotaBounds.APIS) {
      charged.put(api.name(), SimCounters.perUser(before, after, api.chargedKey(), who));
    }
    SimCounters counters = SimCounters.between(before, after, who);
    Map<String, Watcher.Job> jobs = watcher.jobs();
    Instant first = connects.values().stream().min(Instant::compareTo).orElseThrow();
    Instant last = first;
    List<Double> rates = new ArrayList<>();
    List<Double> full = new ArrayList<>();
    List<Double> created = new ArrayList<>();
    List<Double> queued = new ArrayList<>();
    long items = 0;
    for (Map.Entry<String, Watcher.Job> entry : jobs.entrySet()) {
      Watcher.Job job = entry.getValue();
      created.add(seconds(connects.get(entry.getKey()), job.createdAt()));
      if (job.startedAt() != null) {
        queued.add(seconds(job.createdAt(), job.startedAt()));
      }
      if (job.finishedAt() == null) {
        continue;
      }
      last = job.finishedAt().isAfter(last) ? job.finishedAt() : last;
      items += job.published();
      rates.add(job.published() / seconds(job.createdAt(), job.finishedAt()));
      full.add(seconds(connects.get(entry.getKey()), job.finishedAt()));
    }
    List<Double> candidates = new ArrayList<>();
    watcher.candidatesAt().forEach((u, at) -> candidates.add(seconds(connects.get(u), at)));
    return new ScenarioResult(
        name,
        users.size(),
        QuotaBounds.bounds(sim.quota(), charged, connects),
        seconds(first, last),
        charged.get("gmail").values().stream().mapToLong(Long::longValue).sum(),
        jobs.isEmpty() ? 0 : (double) items / jobs.size(),
        counters.quotaErrors(),
        counters.quotaCounters(),
        Numbers.jain(rates),
        candidates,
        full,
        created,
        queued,
        progressFinal(progress, connects),
        progressCount(progress),
        jobs.values().stream().filter(j -> j.terminal() && !j.status().equals("completed")).count(),
        users.size() - jobs.values().stream().filter(Watcher.Job::terminal).count(),
        runs,
        (System.nanoTime() - started) / 1e9,
        watcher.queries(),
        done,
        contacts);
  }

  private static List<Double> progressFinal(ProgressWatch progress, Map<String, Instant> connects) {
    List<Double> times = new ArrayList<>();
    progress
        .seen()
        .forEach(
            (user, seen) -> {
              if (seen.finalAt() != null) {
                times.add(seconds(connects.get(user), seen.finalAt()));
              }
            });
    return times;
  }

  private static ScenarioResult.ProgressCount progressCount(ProgressWatch progress) {
    long events = 0;
    long outOfOrder = 0;
    long provisional = 0;
    for (ProgressWatch.Seen seen : progress.seen().values()) {
      events += seen.events();
      outOfOrder += seen.outOfOrder();
      provisional += seen.provisional();
    }
    return new ScenarioResult.ProgressCount(events, outOfOrder, provisional);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
