package dev.officeflow.vespaloader.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Whether the feed endpoint answers: the feed client's own handshake (a {@code dryRun} put, which
 * Vespa answers without writing anything), plus the feed client's circuit breaker once it exists.
 */
final class VespaHealthIndicator implements ReactiveHealthIndicator {

  private static final String HANDSHAKE = "document/v1/feeder/handshake/docid/dummy?dryRun=true";

  private final HttpClient http;
  private final FeedClients clients;
  private final URI endpoint;
  private final Duration timeout;

  VespaHealthIndicator(HttpClient http, FeedClients clients, URI endpoint, Duration timeout) {
    this.http = http;
    this.clients = clients;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  @Override
  public Mono<Health> health() {
    HttpRequest handshake =
        HttpRequest.newBuilder(endpoint.resolve(HANDSHAKE))
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(timeout)
            .build();
    return Mono.fromFuture(() -> http.sendAsync(handshake, HttpResponse.BodyHandlers.discarding()))
        .map(response -> status(response.statusCode()))
        .onErrorResume(error -> Mono.just(Health.down().withDetail("error", error.toString())))
        .map(this::withDetails);
  }

  private static Health.Builder status(int status) {
    Health.Builder health = status == 200 ? Health.up() : Health.down();
    return health.withDetail("status", status);
  }

  private Health withDetails(Health.Builder health) {
    health.withDetail("endpoint", endpoint.toString());
    clients
        .circuitBreakerState()
        .ifPresent(state -> health.withDetail("circuitBreaker", state.name()));
    return health.build();
  }
}
