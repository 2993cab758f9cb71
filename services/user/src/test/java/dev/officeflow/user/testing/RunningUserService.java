package dev.officeflow.user.testing;

import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.TestDatabase;
import dev.officeflow.user.UserApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The user service started in this JVM ({@link ServiceUnderTest}) under the local profile on a free
 * port chosen first (its OAuth redirect URI names it), against a test database, an isolated Pub/Sub
 * namespace, google-sim (its OAuth endpoints and its ID tokens' issuer) and graph-sim (the
 * Microsoft identity platform's endpoints; the local profile's client id and trusted tenant), with
 * the test's clock; the office's caller token is {@link UserFixtures#OFFICE_TOKEN}. Speaks plain
 * HTTP without cookies that never follows redirects, so tests read every {@code Location}
 * themselves ({@link Browser} for what needs cookies).
 */
public final class RunningUserService implements AutoCloseable {

  private final ServiceUnderTest service;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RunningUserService(ServiceUnderTest service) {
    this.service = service;
  }

  /**
   * What a service instance is started with.
   *
   * @param more further properties, which win over the others
   */
  public record Setup(
      String pubsubPrefix,
      TestDatabase database,
      Clock clock,
      String googleBaseUrl,
      String googleIssuer,
      String microsoftBaseUrl,
      UserFixtures.Keys keys,
      Map<String, Object> more) {}

  public static RunningUserService start(Setup setup) {
    int port = freePort();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("officeflow.security.callers.office", UserFixtures.OFFICE_TOKEN);
    properties.put("officeflow.user.google.base-url", setup.googleBaseUrl());
    properties.put("officeflow.user.google.issuer", setup.googleIssuer());
    properties.put(
        "officeflow.user.google.redirect-uri",
        "http://127.0.0.1:" + port + "/v1/integrations/google/callback");
    properties.put("officeflow.user.google.frontend-url", "http://frontend.test/connected");
    properties.put("officeflow.user.microsoft.base-url", setup.microsoftBaseUrl());
    properties.put(
        "officeflow.user.microsoft.redirect-uri",
        "http://127.0.0.1:" + port + "/v1/integrations/microsoft/callback");
    properties.put("officeflow.user.token-encryption.current-key-id", setup.keys().current());
    setup
        .keys()
        .byId()
        .forEach((id, key) -> properties.put("officeflow.user.token-encryption.keys." + id, key));
    properties.putAll(setup.more());
    ServiceUnderTest service =
        ServiceUnderTest.of(UserApplication.class)
            .catalog(setup.pubsubPrefix())
            .database(setup.database())
            .port(port)
            .properties(properties)
            .bean("testClock", setup.clock())
            .start();
    return new RunningUserService(service);
  }

  public String baseUrl() {
    return service.baseUrl();
  }

  public <T> T bean(Class<T> type) {
    return service.bean(type);
  }

  public HttpResponse<String> get(String path, @Nullable String bearer) {
    return send(request(path, bearer).GET().build());
  }

  public HttpResponse<String> delete(String path, @Nullable String bearer) {
    return send(request(path, bearer).DELETE().build());
  }

  public HttpResponse<String> post(String path, String json, @Nullable String bearer) {
    return send(
        request(path, bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A GET to any absolute URL (google-sim's authorize endpoint, a callback URL). */
  public HttpResponse<String> getUrl(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private HttpRequest.Builder request(String path, @Nullable String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
