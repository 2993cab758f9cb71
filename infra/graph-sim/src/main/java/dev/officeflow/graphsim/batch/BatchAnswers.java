package dev.officeflow.graphsim.batch;

import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimResponse;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step's answer inside the batch response: {@code {"id", "status", "headers", "body"}}, the
 * body as JSON when the step answered JSON, else base64 (as Graph returns binary content).
 */
final class BatchAnswers {

  private BatchAnswers() {}

  static ObjectNode json(String id, SimResponse r) {
    ObjectNode o = Json.object();
    o.put("id", id).put("status", r.status());
    ObjectNode headers = o.putObject("headers");
    r.headers().forEach(headers::put);
    if (r.body().length > 0) {
      boolean json =
          r.headers().entrySet().stream()
              .anyMatch(
                  e ->
                      e.getKey().equalsIgnoreCase("content-type")
                          && e.getValue().toLowerCase(Locale.ROOT).contains("json"));
      if (json) {
        o.set("body", Json.MAPPER.readTree(r.body()));
      } else {
        o.put("body", Base64.getEncoder().encodeToString(r.body()));
      }
    }
    return o;
  }
}
