package dev.officeflow.setuppubsub;

import dev.officeflow.setuppubsub.Plan.Step;
import dev.officeflow.setuppubsub.Plan.SubscriptionStep;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries out a {@link Plan}: creates what is missing, updates what can be updated in place, and
 * reports the rest. Prints one line per resource.
 */
final class Applier {

  private final PubSubResources resources;
  private final PrintStream out;

  Applier(PubSubResources resources, PrintStream out) {
    this.resources = resources;
    this.out = out;
  }

  /** What a run did. */
  record Summary(int created, int unchanged, int updated, int failed) {
    @Override
    public String toString() {
      return created
          + " created, "
          + unchanged
          + " unchanged, "
          + updated
          + " updated, "
          + failed
          + " failed";
    }
  }

  Summary apply(Plan plan) {
    Map<Plan.Action, Integer> counts = new EnumMap<>(Plan.Action.class);
    for (Step step : plan.steps()) {
      counts.merge(apply(step), 1, Integer::sum);
    }
    return new Summary(
        counts.getOrDefault(Plan.Action.CREATE, 0),
        counts.getOrDefault(Plan.Action.NONE, 0),
        counts.getOrDefault(Plan.Action.UPDATE, 0),
        counts.getOrDefault(Plan.Action.UNFIXABLE, 0));
  }

  /** Returns what happened, which differs from the plan when another run got there first. */
  private Plan.Action apply(Step step) {
    return switch (step.action()) {
      case NONE -> {
        line("exists", step, "");
        yield Plan.Action.NONE;
      }
      case CREATE -> create(step);
      case UPDATE -> update((SubscriptionStep) step);
      case UNFIXABLE -> {
        step.differences().forEach(d -> line("differs", step, ": " + d.detail()));
        line("error", step, ": " + PlanPrinter.UNFIXABLE_ADVICE);
        yield Plan.Action.UNFIXABLE;
      }
    };
  }

  private Plan.Action create(Step step) {
    boolean created;
    String description = "";
    if (step instanceof SubscriptionStep subscription) {
      created = resources.createSubscription(subscription.desired());
      description = " (" + subscription.desired().describe() + ")";
    } else {
      created = resources.createTopic(step.name());
    }
    if (!created) {
      // Created since we looked: its settings are unknown, so do not claim they match.
      line("exists", step, " (created by someone else during this run; run --verify)");
      return Plan.Action.NONE;
    }
    line("created", step, description);
    return Plan.Action.CREATE;
  }

  private Plan.Action update(SubscriptionStep step) {
    step.differences().forEach(d -> line("differs", step, ": " + d.detail()));
    Set<PubSubResources.Field> fields = step.fieldsToUpdate();
    resources.updateSubscription(step.desired(), fields);
    String names =
        fields.stream()
            .map(field -> field.name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .collect(Collectors.joining(", "));
    line("updated", step, " (" + names + ")");
    return Plan.Action.UPDATE;
  }

  private void line(String verb, Step step, String rest) {
    out.println(PlanPrinter.line(verb, step, rest));
  }
}
