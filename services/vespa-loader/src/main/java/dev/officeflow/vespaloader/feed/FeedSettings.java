package dev.officeflow.vespaloader.feed;

import ai.vespa.feed.client.FeedClientBuilder.Compression;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how vespa-loader feeds ({@code officeflow.vespa-loader.feed.*}).
 *
 * @param endpoints the containers serving {@code /document/v1} ({@code VESPA_ENDPOINT}, a
 *     comma-separated list; required: the local profile gives vespa-sim's {@code
 *     http://127.0.0.1:8080/}). An {@code http://} URL is fed over HTTP/2 cleartext.
 * @param namespace the document id namespace (default {@code officeflow})
 * @param cluster the content cluster of {@code infra/vespa/services.xml}, named on group deletes
 *     (default {@code officeflow})
 * @param connectionsPerEndpoint HTTP/2 connections per endpoint (default 2)
 * @param maxInFlight upper bound of concurrent feed operations across all connections (default
 *     256). The feed client starts there and throttles below it on its own when latency grows or
 *     Vespa pushes back (429)
 * @param operationTimeout how long one operation, retries included, may take (default 30 s)
 * @param healthTimeout how long the health check waits for the endpoint (default 2 s)
 * @param retryDelay how long a message whose write failed for a retryable reason is held before it
 *     is nacked (default 1 s): the emulator redelivers a nacked message at once, and without the
 *     pause a short outage would spend all of its deliveries within seconds
 * @param compression request body compression (default {@code none}): vespa-sim, the local
 *     stand-in, reads bodies as they are, while the feed client's {@code auto} gzips every body
 *     above 512 bytes; against a real Vespa {@code auto} saves bandwidth
 */
@ConfigurationProperties("officeflow.vespa-loader.feed")
public record FeedSettings(
    List<URI> endpoints,
    @DefaultValue("officeflow") String namespace,
    @DefaultValue("officeflow") String cluster,
    @DefaultValue("2") int connectionsPerEndpoint,
    @DefaultValue("256") int maxInFlight,
    @DefaultValue("30s") Duration operationTimeout,
    @DefaultValue("2s") Duration healthTimeout,
    @DefaultValue("1s") Duration retryDelay,
    @DefaultValue("none") Compression compression) {

  public FeedSettings {
    if (endpoints == null || endpoints.isEmpty()) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.feed.endpoints must name an endpoint");
    }
    endpoints = endpoints.stream().map(FeedSettings::withTrailingSlash).toList();
    if (connectionsPerEndpoint < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.feed.connections-per-endpoint and max-in-flight must be at least 1");
    }
  }

  /** Settings for one endpoint with the defaults otherwise; tests and benchmarks use it. */
  public static FeedSettings of(URI endpoint) {
    return new FeedSettings(
        List.of(endpoint),
        "officeflow",
        "officeflow",
        2,
        256,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Compression.none);
  }

  /** The endpoint for plain HTTP calls (group deletes, health): the first one. */
  public URI endpoint() {
    return endpoints.get(0);
  }

  /** HTTP/2 streams per connection, so that all connections together carry {@link #maxInFlight}. */
  int streamsPerConnection() {
    int connections = connectionsPerEndpoint * endpoints.size();
    return Math.max(1, (maxInFlight + connections - 1) / connections);
  }

  /**
   * The feed client's throttler starts at {@code 2 × connections} in flight times this factor and
   * climbs slowly from its default of 1: a service that feeds bursts of events would spend each
   * burst climbing. Starting at {@link #maxInFlight} lets it settle from above instead.
   */
  int initialInflightFactor() {
    int minInflight = 2 * connectionsPerEndpoint * endpoints.size();
    return Math.max(1, maxInFlight / minInflight);
  }

  private static URI withTrailingSlash(URI endpoint) {
    String scheme = endpoint.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("Vespa endpoint must be http or https: " + endpoint);
    }
    String text = endpoint.toString();
    return text.endsWith("/") ? endpoint : URI.create(text + "/");
  }
}
