package dev.officeflow.graphsim.batch;

import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.web.GraphException;
import dev.officeflow.graphsim.web.GraphGuard;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Router;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1.0/$batch}. The envelope needs a valid token (401 otherwise) but is not counted or
 * throttled; each step goes through the router, so the guard counts, throttles and faults it on its
 * own (a throttled step is a 429 with {@code Retry-After} among 200s, as Graph answers). Steps run
 * in order, a step after the steps it depends on; a step whose dependency failed is answered 424.
 * The answer waits for the slowest step's injected latency (Graph runs steps side by side).
 */
public final class BatchApi implements Handler {

  public static final String PATH = Links.VERSION + "/$batch";

  /** Graph's limit of requests in one batch. */
  public static final int MAX_STEPS = 20;

  private final Router router;
  private final GraphGuard guard;

  public BatchApi(Router router, GraphGuard guard) {
    this.router = router;
    this.guard = guard;
  }

  @Override
  public SimResponse handle(SimRequest r) {
    return guard.authenticated(r, call -> run(r));
  }

  private SimResponse run(SimRequest r) {
    if (!r.is("POST")) {
      throw Refusals.methodNotAllowed(r.method());
    }
    List<BatchStep> steps = steps(r.json());
    Map<String, SimResponse> answers = new HashMap<>();
    Duration slowest = Duration.ZERO;
    for (BatchStep step : BatchOrder.of(steps)) {
      SimResponse answer = answer(r, step, answers);
      answers.put(step.id(), answer);
      slowest = answer.delay().compareTo(slowest) > 0 ? answer.delay() : slowest;
    }
    ObjectNode out = Json.object();
    ArrayNode responses = out.putArray("responses");
    steps.forEach(s -> responses.add(BatchAnswers.json(s.id(), answers.get(s.id()))));
    return SimResponse.ok(out).withDelay(slowest);
  }

  private static List<BatchStep> steps(JsonNode body) {
    JsonNode requests = body.get("requests");
    if (requests == null || !requests.isArray() || requests.isEmpty()) {
      throw Refusals.badRequest("Invalid batch payload format.");
    }
    if (requests.size() > MAX_STEPS) {
      throw new GraphException(
          400,
          "BadRequest",
          "Number of requests in the batch exceeds the limit of " + MAX_STEPS + ".");
    }
    List<BatchStep> steps = new ArrayList<>();
    Map<String, Boolean> ids = new LinkedHashMap<>();
    for (JsonNode node : requests) {
      BatchStep step = BatchStep.parse(node);
      if (ids.put(step.id().toLowerCase(java.util.Locale.ROOT), true) != null) {
        throw Refusals.badRequest("Batch request ids must be unique: '" + step.id() + "' repeats.");
      }
      steps.add(step);
    }
    return steps;
  }

  private SimResponse answer(SimRequest outer, BatchStep step, Map<String, SimResponse> done) {
    for (String dependency : step.dependsOn()) {
      SimResponse before = done.get(dependency);
      if (before == null || !before.isSuccess()) {
        return guard
            .errors()
            .error(
                outer,
                424,
                "FailedDependency",
                "The request it depends on (" + dependency + ") failed.");
      }
    }
    SimRequest request = step.toRequest(outer);
    if (request.path().equals(PATH)) {
      return guard
          .errors()
          .error(outer, 400, "BadRequest", "A batch cannot contain another batch.");
    }
    return router.dispatch(request);
  }
}
