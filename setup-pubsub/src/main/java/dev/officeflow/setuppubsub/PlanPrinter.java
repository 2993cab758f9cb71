package dev.officeflow.setuppubsub;

import dev.officeflow.setuppubsub.Plan.Action;
import dev.officeflow.setuppubsub.Plan.Step;
import dev.officeflow.setuppubsub.Plan.SubscriptionStep;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a plan without changing anything: as differences ({@code --verify}) or as a dry run. */
final class PlanPrinter {

  static final String UNFIXABLE_ADVICE =
      "Pub/Sub cannot move a subscription to another topic; delete it and run setup-pubsub again";

  private final PrintStream out;

  PlanPrinter(PrintStream out) {
    this.out = out;
  }

  /** {@code created topic emails}, with the verb padded so the resource types line up. */
  static String line(String verb, Step step, String rest) {
    return String.format(Locale.ROOT, "%-7s %s %s%s", verb, step.type(), step.name(), rest);
  }

  /** Prints every difference; returns whether there were any. */
  boolean printDifferences(Plan plan) {
    List<Difference> differences = plan.differences();
    differences.forEach(difference -> out.println(difference.describe()));
    long topics = plan.steps().stream().filter(step -> step.type().equals("topic")).count();
    long subscriptions = plan.steps().size() - topics;
    if (differences.isEmpty()) {
      out.println(
          "no differences: "
              + topics
              + " topics and "
              + subscriptions
              + " subscriptions match the catalog");
      return false;
    }
    out.println(
        differences.size()
            + (differences.size() == 1 ? " difference" : " differences")
            + " from the catalog");
    return true;
  }

  void printDryRun(Plan plan) {
    for (Step step : plan.steps()) {
      switch (step.action()) {
        case NONE -> out.println(line("exists", step, ""));
        case CREATE -> out.println(line("would create", step, description(step)));
        case UPDATE ->
            step.differences()
                .forEach(d -> out.println(line("would update", step, ": " + d.detail())));
        case UNFIXABLE -> {
          step.differences().forEach(d -> out.println(line("differs", step, ": " + d.detail())));
          out.println(line("error", step, ": " + UNFIXABLE_ADVICE));
        }
      }
    }
    out.println(
        "dry run, nothing changed: would create "
            + plan.count(Action.CREATE)
            + ", would update "
            + plan.count(Action.UPDATE)
            + ", "
            + plan.count(Action.NONE)
            + " unchanged, "
            + plan.count(Action.UNFIXABLE)
            + " cannot be fixed");
  }

  private static String description(Step step) {
    return step instanceof SubscriptionStep subscription
        ? " (" + subscription.desired().describe() + ")"
        : "";
  }
}
