package dev.officeflow.bench.scale;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints the scenarios: a line of detail after each, a table and the targets at the end. */
final class Report {

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void detail(ScenarioResult r) {
    printf(
        "    %s: %.0f items and %.0f Gmail units per user; %s in %.1f s%s%n",
        r.name(),
        r.itemsPerUser(),
        r.users() == 0 ? 0.0 : (double) r.gmailUnits() / r.users(),
        r.done() ? "done" : "NOT done",
        r.wall(),
        r.done() ? "" : " (" + r.unfinishedJobs() + " jobs unfinished)");
    printf(
        "    bounds (least seconds each budget allows): %s%n",
        r.bounds().stream()
            .map(b -> String.format(Locale.ROOT, "%s %.1f", b.budget(), b.seconds()))
            .collect(Collectors.joining(", ")));
    printf(
        "    connect → job created p50 %.1f s p99 %.1f s; job created → first run p50 %.1f s"
            + " p99 %.1f s%n",
        Numbers.percentile(r.jobCreated(), 50),
        Numbers.percentile(r.jobCreated(), 99),
        Numbers.percentile(r.jobStarted(), 50),
        Numbers.percentile(r.jobStarted(), 99));
    printf(
        "    events the jobs published: %.0f; the contacts service had settled %s deliveries when"
            + " the last job finished; its outcomes over the scenario: %s%n",
        r.itemsPerUser() * r.users(),
        r.contacts().settledAtLastFinish() < 0
            ? "(unknown)"
            : Long.toString(r.contacts().settledAtLastFinish()),
        r.contacts().outcomes());
    printf("    google-sim quota counters: %s%n", r.quotaCounters());
    printf(
        "    runs finished per office instance: %s; watcher queries: %d (%.1f/s)%n",
        r.runs(), r.queries(), r.queries() / Math.max(r.wall(), 1e-9));
    ScenarioResult.ProgressCount p = r.progressEvents();
    printf(
        "    progress events: %d (%d out of order, %d provisional); final report for %d of %d"
            + " users%s%n",
        p.events(),
        p.outOfOrder(),
        p.provisional(),
        r.progressFinal().size(),
        r.users(),
        r.progressFinal().isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                ", connect → final report p50 %.1f s p99 %.1f s",
                Numbers.percentile(r.progressFinal(), 50),
                Numbers.percentile(r.progressFinal(), 99)));
  }

  void table(List<ScenarioResult> results, Map<String, List<String>> officeQuotaMetrics) {
    out.println();
    out.println(
        "users  binding budget     minimum s  measured s  efficiency  quota errors  Jain   first"
            + " candidates p50/p99 s  full backfill p50/p99 s  failed  unfinished  no candidates"
            + "  wall s");
    for (ScenarioResult r : results) {
      printf(
          "%5d  %-17s %10.1f %11.1f %11.3f %13d %6.3f %12.1f / %-8.1f %13.1f / %-8.1f %7d %11d %14d"
              + " %7.0f%n",
          r.users(),
          r.binding().budget(),
          r.binding().seconds(),
          r.measured(),
          r.efficiency(),
          r.quotaErrors(),
          r.jain(),
          Numbers.percentile(r.firstCandidates(), 50),
          Numbers.percentile(r.firstCandidates(), 99),
          Numbers.percentile(r.fullBackfill(), 50),
          Numbers.percentile(r.fullBackfill(), 99),
          r.failedJobs(),
          r.unfinishedJobs(),
          r.withoutCandidates(),
          r.wall());
    }
    out.println();
    officeQuotaMetrics.forEach(
        (office, lines) ->
            printf(
                "%s quota metrics: %s%n",
                office, lines.isEmpty() ? "(none)" : String.join("; ", lines)));
  }

  /** The targets of issue 22, each met or not. */
  void targets(List<ScenarioResult> results, double wallSeconds) {
    out.println();
    ScenarioResult largest =
        results.stream()
            .max(java.util.Comparator.comparingInt(ScenarioResult::users))
            .orElseThrow();
    target(
        "efficiency >= 0.9 at " + largest.users() + " users (" + largest.binding().budget() + ")",
        largest.efficiency() >= 0.9);
    target(
        "every job finished within its scenario's limit",
        results.stream().allMatch(ScenarioResult::done));
    target("zero quota errors", results.stream().allMatch(r -> r.quotaErrors() == 0));
    target(
        "fairness (Jain) >= 0.9",
        results.stream().allMatch(r -> r.users() == 1 || r.jain() >= 0.9));
    results.stream()
        .filter(r -> r.users() == 1)
        .findFirst()
        .ifPresent(
            one ->
                target(
                    String.format(
                        Locale.ROOT,
                        "a single user's first candidates < 15 s (%.1f s)",
                        Numbers.percentile(one.firstCandidates(), 50)),
                    Numbers.percentile(one.firstCandidates(), 50) < 15));
    target(
        String.format(Locale.ROOT, "wall time <= 15 min (%.0f s in the bench)", wallSeconds),
        wallSeconds <= 900);
  }

  private void target(String what, boolean met) {
    printf("target %-60s %s%n", what + ":", met ? "met" : "NOT met");
  }

  private void printf(String format, Object... args) {
    out.printf(Locale.ROOT, format, args);
  }
}
