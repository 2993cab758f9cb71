package dev.officeflow.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's REST API, for the little the bench does on Pub/Sub: publish a message, create and
 * delete a subscription, pull (never waiting: {@code returnImmediately}) and acknowledge.
 */
final class PubSubRest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A pulled message: its data and attributes. */
  record Pulled(byte[] data, Map<String, String> attributes) {}

  private final String base;
  private final String project;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PubSubRest(String host, String project) {
    this.base = "http://" + host + "/v1/projects/" + project;
    this.project = project;
  }

  static PubSubRest fromEnvironment() {
    return new PubSubRest(Env.required("PUBSUB_EMULATOR_HOST"), Env.required("PUBSUB_PROJECT_ID"));
  }

  void publish(String topic, byte[] data, Map<String, String> attributes)
      throws IOException, InterruptedException {
    ObjectNode message = JSON.createObjectNode();
    message.put("data", Base64.getEncoder().encodeToString(data));
    ObjectNode attrs = message.putObject("attributes");
    attributes.forEach(attrs::put);
    ObjectNode body = JSON.createObjectNode();
    body.putArray("messages").add(message);
    send("POST", "/topics/" + topic + ":publish", body);
  }

  boolean topicExists(String topic) throws IOException, InterruptedException {
    return request("GET", "/topics/" + topic, null).statusCode() == 200;
  }

  void createSubscription(String name, String topic) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("topic", "projects/" + project + "/topics/" + topic);
    body.put("ackDeadlineSeconds", 60);
    send("PUT", "/subscriptions/" + name, body);
  }

  /** Deletes the subscription; one that is not there is no error. */
  void deleteSubscription(String name) throws IOException, InterruptedException {
    HttpResponse<String> answer = request("DELETE", "/subscriptions/" + name, null);
    if (answer.statusCode() != 200 && answer.statusCode() != 404) {
      throw new IllegalStateException("deleting " + name + ": " + answer.statusCode());
    }
  }

  /** What the subscription has now (up to {@code max}), acknowledged before it is returned. */
  List<Pulled> pullAndAck(String subscription, int max) throws IOException, InterruptedException {
    ObjectNode ask = JSON.createObjectNode();
    ask.put("maxMessages", max);
    ask.put("returnImmediately", true);
    JsonNode answer = JSON.readTree(send("POST", "/subscriptions/" + subscription + ":pull", ask));
    List<Pulled> pulled = new ArrayList<>();
    ObjectNode ack = JSON.createObjectNode();
    ArrayNode ids = ack.putArray("ackIds");
    for (JsonNode received : answer.path("receivedMessages")) {
      JsonNode message = received.path("message");
      Map<String, String> attributes = new java.util.HashMap<>();
      message
          .path("attributes")
          .properties()
          .forEach(e -> attributes.put(e.getKey(), e.getValue().asString()));
      pulled.add(
          new Pulled(Base64.getDecoder().decode(message.path("data").asString("")), attributes));
      ids.add(received.path("ackId").asString());
    }
    if (!ids.isEmpty()) {
      send("POST", "/subscriptions/" + subscription + ":acknowledge", ack);
    }
    return pulled;
  }

  private String send(String method, String path, @Nullable ObjectNode body)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = request(method, path, body);
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  private HttpResponse<String> request(String method, String path, @Nullable ObjectNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
