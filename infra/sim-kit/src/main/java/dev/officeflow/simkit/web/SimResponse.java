package dev.officeflow.simkit.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A response to write; {@code delay} postpones the write (injected latency) without holding a
 * server thread.
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body, Duration delay) {

  public static final String JSON = "application/json; charset=UTF-8";

  public SimResponse {
    headers = Map.copyOf(headers);
  }

  public static SimResponse json(int status, JsonNode node) {
    return new SimResponse(status, Map.of("Content-Type", JSON), Json.bytes(node), Duration.ZERO);
  }

  public static SimResponse ok(JsonNode node) {
    return json(200, node);
  }

  /** 204 and no body, as providers answer a successful stop, revoke or delete. */
  public static SimResponse noContent() {
    return new SimResponse(204, Map.of(), new byte[0], Duration.ZERO);
  }

  public static SimResponse redirect(String location) {
    return new SimResponse(302, Map.of("Location", location), new byte[0], Duration.ZERO);
  }

  public static SimResponse text(int status, String text) {
    return new SimResponse(
        status,
        Map.of("Content-Type", "text/plain; charset=UTF-8"),
        text.getBytes(StandardCharsets.UTF_8),
        Duration.ZERO);
  }

  public SimResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, copy, body, delay);
  }

  public SimResponse withDelay(Duration added) {
    return new SimResponse(status, headers, body, delay.plus(added));
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
