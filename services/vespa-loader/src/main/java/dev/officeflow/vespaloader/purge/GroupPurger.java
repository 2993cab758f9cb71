package dev.officeflow.vespaloader.purge;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.vespaloader.feed.FeedSettings;
import dev.officeflow.vespaloader.feed.VespaException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Removes every document of one user: per document type one {@code /document/v1} delete-where on
 * the user's group ({@code selection=true}), repeated with Vespa's {@code continuation} token until
 * none is returned. Deleting an empty group is fine, so a redelivered purge is harmless.
 * Thread-safe.
 */
final class GroupPurger {

  /** Every document type vespa-loader writes: the doctypes of the data events. */
  static final List<String> DOCTYPES =
      Stream.of(EventType.values())
          .filter(type -> DataEvent.class.isAssignableFrom(type.eventClass()))
          .map(EventType::docType)
          .toList();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final FeedSettings settings;

  GroupPurger(HttpClient http, FeedSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  /** Removes the user's documents of every type; emits how many were removed. */
  Mono<Long> purge(String userId) {
    return Flux.fromIterable(DOCTYPES)
        .concatMap(doctype -> purge(doctype, userId))
        .reduce(0L, Long::sum);
  }

  private Mono<Long> purge(String doctype, String userId) {
    return page(doctype, userId, null)
        .expand(page -> page.continuation() == null ? Mono.empty() : next(doctype, userId, page))
        .map(Page::removed)
        .reduce(0L, Long::sum);
  }

  private Mono<Page> next(String doctype, String userId, Page previous) {
    return page(doctype, userId, previous.continuation());
  }

  private Mono<Page> page(String doctype, String userId, @Nullable String continuation) {
    URI uri = uri(doctype, userId, continuation);
    HttpRequest request =
        HttpRequest.newBuilder(uri).DELETE().timeout(settings.operationTimeout()).build();
    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
        .onErrorMap(error -> !(error instanceof VespaException), e -> failure(uri, e))
        .map(response -> Page.of(uri, response));
  }

  URI uri(String doctype, String userId, @Nullable String continuation) {
    String query =
        "?selection=true&cluster="
            + encode(settings.cluster())
            + (continuation == null ? "" : "&continuation=" + encode(continuation));
    return settings
        .endpoint()
        .resolve(
            "document/v1/"
                + encode(settings.namespace())
                + "/"
                + encode(doctype)
                + "/group/"
                + encode(userId)
                + "/"
                + query);
  }

  private static VespaException failure(URI uri, Throwable error) {
    return new VespaException("DELETE " + uri.getRawPath(), error);
  }

  /** URL encoding for a path segment or query value: a space is {@code %20}, never {@code +}. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** One answer to a delete-where: how many it removed and where to go on, if anywhere. */
  record Page(long removed, @Nullable String continuation) {

    static Page of(URI uri, HttpResponse<String> response) {
      String target = "DELETE " + uri.getRawPath();
      JsonNode body = parse(response.body());
      if (response.statusCode() != 200) {
        String message = body.path("message").asString(response.body());
        throw new VespaException(target, response.statusCode(), message);
      }
      JsonNode continuation = body.path("continuation");
      return new Page(
          body.path("documentCount").asLong(0),
          continuation.isString() && !continuation.asString().isEmpty()
              ? continuation.asString()
              : null);
    }

    private static JsonNode parse(String body) {
      try {
        return JSON.readTree(body);
      } catch (JacksonException e) {
        return JSON.createObjectNode();
      }
    }
  }
}
