package dev.officeflow.setuppubsub;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What must happen to each catalog resource, in creation order. Computed by {@link Planner}. */
record Plan(List<Step> steps) {

  Plan {
    steps = List.copyOf(steps);
  }

  /** What a step needs, derived from its differences. */
  enum Action {
    NONE,
    CREATE,
    UPDATE,
    /** A difference no update can fix (the subscription's topic). */
    UNFIXABLE
  }

  /** One topic or subscription and how Pub/Sub differs from the catalog for it. */
  sealed interface Step permits TopicStep, SubscriptionStep {
    /** {@code topic} or {@code subscription}, as printed. */
    String type();

    String name();

    List<Difference> differences();

    default Action action() {
      List<Difference> differences = differences();
      if (differences.isEmpty()) {
        return Action.NONE;
      }
      if (differences.stream().anyMatch(d -> d.kind().isMissing())) {
        return Action.CREATE;
      }
      if (differences.stream().anyMatch(d -> d.kind().field().isEmpty())) {
        return Action.UNFIXABLE;
      }
      return Action.UPDATE;
    }
  }

  record TopicStep(String name, List<Difference> differences) implements Step {
    TopicStep {
      differences = List.copyOf(differences);
    }

    @Override
    public String type() {
      return "topic";
    }
  }

  /** {@code desired} is what the catalog wants, used to create or update the subscription. */
  record SubscriptionStep(SubscriptionSettings desired, List<Difference> differences)
      implements Step {
    SubscriptionStep {
      differences = List.copyOf(differences);
    }

    @Override
    public String type() {
      return "subscription";
    }

    @Override
    public String name() {
      return desired.name();
    }

    /** The fields an update must set to remove the differences. */
    Set<PubSubResources.Field> fieldsToUpdate() {
      Set<PubSubResources.Field> fields = EnumSet.noneOf(PubSubResources.Field.class);
      differences.forEach(d -> d.kind().field().ifPresent(fields::add));
      return fields;
    }
  }

  List<Difference> differences() {
    return steps.stream().flatMap(step -> step.differences().stream()).toList();
  }

  long count(Action action) {
    return steps.stream().filter(step -> step.action() == action).count();
  }
}
