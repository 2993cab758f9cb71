package dev.officeflow.user.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sits between the service and google-sim and counts token-endpoint calls by grant type, because
 * google-sim's {@code stats()} counts only Gmail and Calendar calls, not OAuth ones. Forwards
 * everything unchanged and never follows redirects.
 */
public final class CountingGoogleProxy implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(16);
  private final HttpClient client = HttpClient.newBuilder().build();
  private final String target;
  private final Map<String, AtomicLong> tokenCalls = new ConcurrentHashMap<>();
  private final AtomicLong revokes = new AtomicLong();
  private volatile Duration refreshLatency = Duration.ZERO;

  private CountingGoogleProxy(String target) throws IOException {
    this.target = target.replaceAll("/+$", "");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(workers);
    server.createContext("/", this::forward);
    server.start();
  }

  /** A proxy in front of {@code target} (google-sim's base URL). */
  public static CountingGoogleProxy in(String target) {
    try {
      return new CountingGoogleProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Token endpoint calls with {@code grant_type=refresh_token} so far. */
  public long refreshes() {
    return tokenCalls.getOrDefault("refresh_token", new AtomicLong()).get();
  }

  /** Token endpoint calls with {@code grant_type=authorization_code} so far. */
  public long codeExchanges() {
    return tokenCalls.getOrDefault("authorization_code", new AtomicLong()).get();
  }

  /**
   * Makes every refresh take this long before it reaches google-sim, like a slow network, so
   * concurrent refreshes overlap in time.
   */
  public void delayRefreshes(Duration latency) {
    refreshLatency = latency;
  }

  public long revokes() {
    return revokes.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (count(exchange.getRequestURI().getPath(), body) && !refreshLatency.isZero()) {
        Thread.sleep(refreshLatency.toMillis());
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : new String[] {"Content-Type", "Authorization", "Accept"}) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("content-length")
                    && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] out = response.body();
      exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
      exchange.getResponseBody().write(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts a token or revoke call; true for a refresh. */
  private boolean count(String path, byte[] body) {
    if (path.equals("/revoke")) {
      revokes.incrementAndGet();
    }
    if (!path.equals("/token")) {
      return false;
    }
    String grant = "";
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.startsWith("grant_type=")) {
        grant = URLDecoder.decode(pair.substring(11), StandardCharsets.UTF_8);
      }
    }
    tokenCalls.computeIfAbsent(grant, g -> new AtomicLong()).incrementAndGet();
    return grant.equals("refresh_token");
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
