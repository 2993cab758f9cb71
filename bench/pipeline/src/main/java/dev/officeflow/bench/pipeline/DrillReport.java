package dev.officeflow.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fault drill checked and measured: each check as it runs ({@code ok} or {@code FAIL}),
 * and at the end a summary of every scenario beside the baseline, the hostile messages and the
 * services' memory. Not thread-safe: the drill runs one step at a time.
 */
final class DrillReport {

  /** Where a user's data ended up. */
  record Outcome(long emails, long events, List<String> candidates) {}

  /**
   * One scenario's result.
   *
   * @param outage from the fault to the system whole again; null when the scenario broke first
   * @param outcome where the user's data ended up; null when the scenario broke before settling
   */
  record Scenario(String name, Duration outage, Outcome outcome, int deadLetters) {}

  private final List<String> failures = new ArrayList<>();
  private final List<Scenario> scenarios = new ArrayList<>();
  private final Map<String, String> memory = new LinkedHashMap<>();
  private Outcome baseline = new Outcome(0, 0, List.of());
  private String hostile = "not run";

  void baseline(Outcome outcome) {
    baseline = outcome;
  }

  Outcome baseline() {
    return baseline;
  }

  void check(String what, boolean ok) {
    System.out.println("    " + (ok ? "ok   " : "FAIL ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  /** Documents and top-100 contact counts equal to the baseline's. */
  void compare(String name, Outcome outcome) {
    check(
        name + ": email documents " + outcome.emails() + " = " + baseline.emails(),
        outcome.emails() == baseline.emails());
    check(
        name + ": calendar documents " + outcome.events() + " = " + baseline.events(),
        outcome.events() == baseline.events());
    check(
        name
            + ": top-100 contact counts equal the baseline's ("
            + outcome.candidates().size()
            + " candidates)",
        outcome.candidates().equals(baseline.candidates()));
  }

  void scenario(Scenario scenario) {
    scenarios.add(scenario);
  }

  void hostile(String summary) {
    hostile = summary;
  }

  void memory(String service, String reading) {
    memory.put(service, reading);
  }

  boolean passed() {
    return failures.isEmpty();
  }

  void printSummary() {
    System.out.println();
    System.out.printf(
        "==> summary (baseline: %,d email and %,d calendar documents, %d candidates)%n",
        baseline.emails(), baseline.events(), baseline.candidates().size());
    System.out.printf(
        "    %-36s %9s %7s %7s %8s %6s%n",
        "scenario", "outage s", "emails", "events", "top-100", "dead");
    for (Scenario s : scenarios) {
      Outcome o = s.outcome();
      System.out.printf(
          "    %-36s %9s %7s %7s %8s %6d%n",
          s.name(),
          s.outage() == null ? "-" : String.format("%.1f", s.outage().toMillis() / 1000.0),
          o == null ? "-" : Long.toString(o.emails()),
          o == null ? "-" : Long.toString(o.events()),
          o == null ? "-" : o.candidates().equals(baseline.candidates()) ? "equal" : "DIFFER",
          s.deadLetters());
    }
    System.out.println("    hostile messages: " + hostile);
    memory.forEach((service, reading) -> System.out.printf("    %-12s %s%n", service, reading));
    System.out.println();
    System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
  }
}
