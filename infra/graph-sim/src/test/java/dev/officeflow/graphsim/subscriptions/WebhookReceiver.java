package dev.officeflow.graphsim.subscriptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.Params;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber's webhook for tests: answers Graph's validation handshake (correctly, wrongly, or
 * too late) and records every notification it takes, under {@code /notify} and {@code /lifecycle}.
 */
final class WebhookReceiver implements AutoCloseable {

  /** How the receiver answers a validation request. */
  enum Handshake {
    ECHO,
    WRONG_TOKEN,
    NOT_FOUND,
    JSON_ECHO,
    HANG
  }

  /** One POST that carried a body: where it arrived and the JSON it held. */
  record Received(String path, JsonNode body) {}

  private final HttpServer server;
  private final AtomicReference<Handshake> handshake = new AtomicReference<>(Handshake.ECHO);
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger failedPosts = new AtomicInteger();
  private final AtomicInteger held = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicBoolean holding =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final CountDownLatch released = new CountDownLatch(1);

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::serve);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  String notifyUrl() {
    return url("/notify");
  }

  String lifecycleUrl() {
    return url("/lifecycle");
  }

  void answerHandshake(Handshake how) {
    handshake.set(how);
  }

  /** The next {@code count} notifications are answered 503, as a receiver that is down. */
  void failNext(int count) {
    failuresLeft.set(count);
  }

  /** Notifications are taken in but not answered until the receiver closes: a stuck receiver. */
  void holdNotifications() {
    holding.set(true);
  }

  int heldNotifications() {
    return held.get();
  }

  List<String> validationTokens() {
    return List.copyOf(tokens);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<JsonNode> notifications(String path) {
    return received.stream()
        .filter(r -> r.path().equals(path))
        .map(r -> r.body().get("value").get(0))
        .toList();
  }

  int failedPosts() {
    return failedPosts.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String token =
        Params.parse(exchange.getRequestURI().getRawQuery()).first("validationToken").orElse(null);
    if (token != null) {
      tokens.add(token);
      answerValidation(exchange, token);
      return;
    }
    if (holding.get()) {
      held.incrementAndGet();
      awaitRelease();
      send(exchange, 503, "text/plain", "gave up");
      return;
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      failedPosts.incrementAndGet();
      send(exchange, 503, "text/plain", "down");
      return;
    }
    received.add(new Received(exchange.getRequestURI().getPath(), Json.MAPPER.readTree(body)));
    send(exchange, 202, "text/plain", "");
  }

  private void answerValidation(HttpExchange exchange, String token) throws IOException {
    switch (handshake.get()) {
      case ECHO -> send(exchange, 200, "text/plain; charset=utf-8", token);
      case WRONG_TOKEN -> send(exchange, 200, "text/plain", token + "-not");
      case NOT_FOUND -> send(exchange, 404, "text/plain", "no such endpoint");
      case JSON_ECHO -> send(exchange, 200, "application/json", "\"" + token + "\"");
      case HANG -> {
        awaitRelease();
        send(exchange, 200, "text/plain", token);
      }
    }
  }

  private void awaitRelease() {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
