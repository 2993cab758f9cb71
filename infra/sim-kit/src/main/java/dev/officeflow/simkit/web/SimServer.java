package dev.officeflow.simkit.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK HTTP server with a bounded pool; when the queue is full the accepting thread runs the
 * exchange itself, which pushes back on clients instead of queueing without bound. Delayed
 * responses are written from a scheduler so injected latency costs no worker thread.
 */
public final class SimServer implements AutoCloseable {

  private static final int QUEUE = 512;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService delays;

  /**
   * Binds and starts serving.
   *
   * @param name names the server's threads ({@code <name>-http}, {@code <name>-delay})
   */
  public SimServer(String name, String host, int port, int threads, Router router) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + host + ":" + port, e);
    }
    workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            daemon(name + "-http"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    delays = Executors.newSingleThreadScheduledExecutor(daemon(name + "-delay"));
    server.setExecutor(workers);
    server.createContext("/", exchange -> serve(exchange, router));
    server.start();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange, Router router) throws IOException {
    SimResponse response;
    try (var in = exchange.getRequestBody()) {
      SimRequest request =
          new SimRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              Params.parse(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders(),
              body(exchange, in.readAllBytes()));
      response = router.dispatch(request);
    }
    if (response.delay().isZero() || response.delay().isNegative()) {
      write(exchange, response);
    } else {
      delays.schedule(
          () -> writeQuietly(exchange, response), response.delay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Official clients may gzip request bodies ({@code Content-Encoding: gzip}, Google's do), as the
   * real front ends accept.
   */
  private static byte[] body(HttpExchange exchange, byte[] raw) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding == null || !encoding.equalsIgnoreCase("gzip") || raw.length == 0) {
      return raw;
    }
    try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      return gzip.readAllBytes();
    }
  }

  private static void writeQuietly(HttpExchange exchange, SimResponse response) {
    try {
      write(exchange, response);
    } catch (IOException e) {
      exchange.close();
    }
  }

  private static void write(HttpExchange exchange, SimResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    boolean empty = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    delays.shutdownNow();
    workers.shutdownNow();
  }
}
