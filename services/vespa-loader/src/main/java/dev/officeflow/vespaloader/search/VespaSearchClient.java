package dev.officeflow.vespaloader.search;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Sends queries to Vespa's {@code /search/} as JSON POSTs (the user's text stays out of URLs and
 * access logs) and reads the result, at most {@code maxResponseSize} of it. Vespa unreachable,
 * overloaded (429, 502, 503, 504, 507) or slower than the timeout is {@code search_unavailable}
 * (503); any other refusal is {@code search_failed} (502), since the service built the query.
 */
final class VespaSearchClient {

  private static final Logger log = LoggerFactory.getLogger(VespaSearchClient.class);

  private final WebClient client;
  private final Duration timeout;

  VespaSearchClient(WebClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /** Vespa's result JSON ({@code root}, {@code fields.totalCount}, {@code children}). */
  Mono<JsonNode> query(Map<String, Object> body) {
    return client
        .post()
        .uri("search/")
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .retrieve()
        .bodyToMono(JsonNode.class)
        // Vespa's own timeout is in the query; this one covers the connection and a stuck reply.
        .timeout(timeout.plusMillis(500))
        .onErrorMap(VespaSearchClient::classify);
  }

  private static Throwable classify(Throwable error) {
    if (error instanceof WebClientResponseException response) {
      int status = response.getStatusCode().value();
      String message = vespaMessage(response);
      if (status == 429 || status == 502 || status == 503 || status == 504 || status == 507) {
        return SearchProblems.unavailable("search is unavailable: Vespa answered " + status);
      }
      log.warn("Vespa refused a search query: {} {}", status, message);
      return SearchProblems.failed("search failed: Vespa answered " + status);
    }
    if (error instanceof WebClientRequestException || error instanceof TimeoutException) {
      return SearchProblems.unavailable(
          "search is unavailable: Vespa could not be reached in time");
    }
    return error;
  }

  /** The first error message of Vespa's error JSON, for the log (never for the client). */
  private static String vespaMessage(WebClientResponseException response) {
    try {
      JsonNode body = response.getResponseBodyAs(JsonNode.class);
      return body == null
          ? ""
          : body.path("root").path("errors").path(0).path("message").asString("");
    } catch (RuntimeException unreadable) {
      return "";
    }
  }
}
