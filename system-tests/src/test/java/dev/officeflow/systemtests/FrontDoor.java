package dev.officeflow.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One origin in front of the services, routing by path prefix as the production Ingress does
 * (infra/deploy/base/ingress.yaml, plus the notifier's and the search's paths the page needs), so
 * the VIP page runs as it does in production: every API on its own origin, no CORS. Streams pass
 * through as they arrive (Server-Sent Events), and the {@code Host} header is kept, as an Ingress
 * keeps it, so a service sees a same-origin request as same-origin (the test JVM allows setting it:
 * {@code jdk.httpclient.allowRestrictedHeaders=host}, system-tests' pom).
 */
final class FrontDoor implements AutoCloseable {

  /** Headers of one hop only (RFC 9110 §7.6.1), and those the client computes itself. */
  private static final Set<String> HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "expect");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, String> routes;

  private FrontDoor(HttpServer server, Map<String, String> routes) {
    this.server = server;
    this.routes = routes;
  }

  /**
   * Listens on a free port of 127.0.0.1; {@code routes} maps a path prefix (whole segments) to the
   * base URL of the service behind it; the longest prefix wins.
   */
  static FrontDoor start(Map<String, String> routes) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    FrontDoor door = new FrontDoor(server, new LinkedHashMap<>(routes));
    server.createContext("/", door::forward);
    // A thread per exchange: an open event stream holds its thread for as long as it lasts.
    server.setExecutor(door.threads);
    server.start();
    return door;
  }

  /** {@code http://127.0.0.1:<port>}: the page's origin. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return origin() + path;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try {
      URI uri = exchange.getRequestURI();
      Optional<String> backend = backend(uri.getRawPath());
      if (backend.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String target =
          backend.get()
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      HttpResponse<InputStream> response = client.send(request(exchange, target), ofStream());
      respond(exchange, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private Optional<String> backend(String path) {
    return routes.keySet().stream()
        .filter(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
        .max(Comparator.comparingInt(String::length))
        .map(routes::get);
  }

  private static HttpRequest request(HttpExchange exchange, String target) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }

  private static HttpResponse.BodyHandler<InputStream> ofStream() {
    return HttpResponse.BodyHandlers.ofInputStream();
  }

  private static void respond(HttpExchange exchange, HttpResponse<InputStream> response)
      throws IOException {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
              }
            });
    long length = response.headers().firstValueAsLong("content-length").orElse(0);
    boolean empty =
        length == 0 && response.headers().firstValue("content-length").isPresent()
            || "HEAD".equals(exchange.getRequestMethod())
            || response.statusCode() == 204
            || response.statusCode() == 304;
    // 0 asks for chunks: a stream's events go out one by one, as they come.
    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : length);
    try (InputStream in = response.body();
        OutputStream out = exchange.getResponseBody()) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
