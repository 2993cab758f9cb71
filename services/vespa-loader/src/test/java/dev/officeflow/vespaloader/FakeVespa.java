package dev.officeflow.vespaloader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP/1.1 endpoint that answers every request with what {@code answer} says and records the
 * requests, for the answers vespa-sim never gives (continuations, errors on group deletes).
 */
public final class FakeVespa implements AutoCloseable {

  /** One answer: a status and a JSON body. */
  public record Reply(int status, String json) {}

  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();

  private FakeVespa(Function<URI, Reply> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> reply(exchange, answer));
    server.start();
  }

  public static FakeVespa answering(Function<URI, Reply> answer) {
    try {
      return new FakeVespa(answer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Request URIs as received (raw path and query). */
  public List<URI> requests() {
    return List.copyOf(requests);
  }

  /** An endpoint where nothing listens (a port that was free a moment ago). */
  public static URI unreachable() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void reply(HttpExchange exchange, Function<URI, Reply> answer) throws IOException {
    requests.add(exchange.getRequestURI());
    exchange.getRequestBody().readAllBytes();
    Reply reply = answer.apply(exchange.getRequestURI());
    byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
