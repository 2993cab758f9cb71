package dev.officeflow.office.testing;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** A client of an office instance's internal API, sending the test service credential. */
public class OfficeClient {

  public static final String SERVICE_TOKEN = "test-service-token";

  /** An answer of the API: status and JSON body. */
  public record Answer(int status, JsonNode body) {}

  private final WebClient client;

  public OfficeClient(int port) {
    this.client = WebClient.create("http://127.0.0.1:" + port);
  }

  /** Command-line arguments for {@code properties}, plus the test's operator credential. */
  static String[] args(Map<String, Object> properties) {
    return Stream.concat(
            properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
            Stream.of("--officeflow.security.callers.operator=" + SERVICE_TOKEN))
        .toArray(String[]::new);
  }

  public Answer post(String path, Object body) {
    return exchange(
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body), true);
  }

  public Answer get(String path) {
    return exchange(client.get().uri(path), true);
  }

  public Answer delete(String path) {
    return exchange(client.delete().uri(path), true);
  }

  /** A call without the service credential. */
  public Answer getAnonymously(String path) {
    return exchange(client.get().uri(path), false);
  }

  private Answer exchange(WebClient.RequestHeadersSpec<?> request, boolean authorized) {
    if (authorized) {
      request = request.header("Authorization", "Bearer " + SERVICE_TOKEN);
    }
    return request
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(JsonNode.class)
                    .map(body -> new Answer(response.statusCode().value(), body))
                    .defaultIfEmpty(
                        new Answer(response.statusCode().value(), NullNode.getInstance())))
        .block(Duration.ofSeconds(30));
  }
}
