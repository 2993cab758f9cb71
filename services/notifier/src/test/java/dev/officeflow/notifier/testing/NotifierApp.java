package dev.officeflow.notifier.testing;

import dev.officeflow.events.OfficeEvent;
import dev.officeflow.notifier.NotifierApplication;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.runtime.testing.TestJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The notifier running in the test JVM ({@link ServiceUnderTest}: its own Pub/Sub namespace unless
 * given one, the test Redis) with a {@link TestJwks} as the user service's key set.
 */
public final class NotifierApp implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");

  private final ServiceUnderTest service;
  private final TestJwks jwks;

  private NotifierApp(ServiceUnderTest service, TestJwks jwks) {
    this.service = service;
    this.jwks = jwks;
  }

  public static NotifierApp start(Map<String, Object> extra) {
    return start(IsolatedCatalog.apply(), extra);
  }

  /** An instance on a catalog applied already: a second instance shares the first one's. */
  public static NotifierApp start(String prefix, Map<String, Object> extra) {
    TestJwks jwks = TestJwks.start();
    try {
      ServiceUnderTest service =
          ServiceUnderTest.of(NotifierApplication.class)
              .catalog(prefix)
              .web(WebApplicationType.REACTIVE)
              .property("spring.cloud.gcp.pubsub.subscriber.parallel-pull-count", 1)
              .property("officeflow.security.user-jwt.jwk-set-uri", jwks.uri())
              .property("officeflow.notifier.feed.coalesce-interval", "200ms")
              .properties(extra)
              .start();
      return new NotifierApp(service, jwks);
    } catch (RuntimeException e) {
      jwks.close();
      throw e;
    }
  }

  public String prefix() {
    return service.prefix();
  }

  public String baseUrl() {
    return service.baseUrl();
  }

  public ConfigurableApplicationContext context() {
    return service.context();
  }

  public TestJwks jwks() {
    return jwks;
  }

  /** {@code POST /v1/stream-tickets} with {@code bearer}: the status and the body. */
  public HttpResponse<String> requestTicket(@Nullable String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/stream-tickets"))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh ticket of {@code userId}'s, obtained with their JWT. */
  public String ticket(String userId) {
    HttpResponse<String> response = requestTicket(jwks.token(userId));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("ticket: " + response.statusCode() + " " + response.body());
    }
    Matcher m = TICKET.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no ticket in " + response.body());
    }
    return m.group(1);
  }

  public String streamUrl(String ticket) {
    return baseUrl() + "/v1/stream?ticket=" + ticket;
  }

  /** Opens {@code userId}'s stream with a fresh ticket. */
  public SseClient stream(String userId) {
    return SseClient.open(streamUrl(ticket(userId)), null);
  }

  /** Publishes on each event's topic in this app's namespace; waits for the message ids. */
  public void publish(List<? extends OfficeEvent> events) {
    EventPublisher publisher = service.bean(EventPublisher.class);
    CompletableFuture.allOf(
            events.stream().map(publisher::publish).toArray(CompletableFuture[]::new))
        .join();
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      jwks.close();
    }
  }
}
