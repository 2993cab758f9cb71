package dev.officeflow.bench.pipeline;

import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains every dead-letter subscription of the catalog through the emulator's REST API and returns
 * what each held, by error reason. Acked, so the next look starts empty.
 */
final class DeadLetters {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  DeadLetters(String emulatorHost, String project) {
    this.base = "http://" + emulatorHost + "/v1/projects/" + project + "/subscriptions/";
  }

  /** How many dead-letter subscriptions the catalog has, each of which {@link #drain()} reads. */
  int subscriptionCount() {
    return Catalog.subscriptions().size();
  }

  /** subscription → reason (its first 60 characters) → count. */
  Map<String, Map<String, Integer>> drain() throws IOException, InterruptedException {
    Map<String, Map<String, Integer>> found = new TreeMap<>();
    for (SubscriptionSpec spec : Catalog.subscriptions()) {
      Map<String, Integer> reasons = drain(spec.deadLetterSubscription());
      if (!reasons.isEmpty()) {
        found.put(spec.deadLetterSubscription(), reasons);
      }
    }
    return found;
  }

  private Map<String, Integer> drain(String subscription) throws IOException, InterruptedException {
    Map<String, Integer> reasons = new TreeMap<>();
    while (true) {
      JsonNode pulled =
          call(subscription + ":pull", Map.of("returnImmediately", true, "maxMessages", 1000));
      JsonNode received = pulled.path("receivedMessages");
      if (received.isEmpty()) {
        return reasons;
      }
      List<String> ackIds = new ArrayList<>();
      for (JsonNode m : received) {
        ackIds.add(m.path("ackId").asString());
        String reason = m.path("message").path("attributes").path("error_reason").asString("?");
        reasons.merge(reason.substring(0, Math.min(60, reason.length())), 1, Integer::sum);
      }
      call(subscription + ":acknowledge", Map.of("ackIds", ackIds));
    }
  }

  private JsonNode call(String path, Object body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
    }
    return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
  }
}
