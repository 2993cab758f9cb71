package dev.officeflow.graphsim.batch;

import dev.officeflow.graphsim.odata.Refusals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order steps run in: as listed, except that a step waits for the steps it depends on. Unknown
 * dependencies and cycles are refused (400), as Graph refuses them.
 */
final class BatchOrder {

  private BatchOrder() {}

  static List<BatchStep> of(List<BatchStep> steps) {
    Map<String, BatchStep> byId = new HashMap<>();
    steps.forEach(s -> byId.put(s.id(), s));
    for (BatchStep s : steps) {
      for (String d : s.dependsOn()) {
        if (!byId.containsKey(d)) {
          throw Refusals.badRequest(
              "Request " + s.id() + " depends on an unknown request: " + d + ".");
        }
      }
    }
    List<BatchStep> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (out.size() < steps.size()) {
      boolean progress = false;
      for (BatchStep s : steps) {
        if (!placed.contains(s.id()) && placed.containsAll(s.dependsOn())) {
          out.add(s);
          placed.add(s.id());
          progress = true;
        }
      }
      if (!progress) {
        throw Refusals.badRequest("The dependsOn references of the batch form a cycle.");
      }
    }
    return out;
  }
}
