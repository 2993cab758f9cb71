package dev.officeflow.simkit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimServerTest {

  private static final ErrorStyle PLAIN =
      new ErrorStyle() {
        @Override
        public SimResponse notFound(SimRequest r) {
          return SimResponse.text(404, "no route");
        }

        @Override
        public SimResponse badRequest(SimRequest r, String message, @Nullable String parameter) {
          return SimResponse.text(400, message);
        }

        @Override
        public SimResponse internal(SimRequest r, Exception e) {
          return SimResponse.text(500, "internal");
        }
      };

  private final HttpClient client = HttpClient.newHttpClient();
  private @Nullable SimServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void itServesTheRoutersAnswerWithItsHeadersAndDecodedQuery() throws Exception {
    Router router = new Router(PLAIN);
    router.add(
        "/echo",
        r ->
            SimResponse.text(200, r.query().firstOr("$filter", "none"))
                .withHeader("request-id", "r-1"));
    server = new SimServer("test-sim", "127.0.0.1", 0, 2, router);

    HttpResponse<String> response = get("/echo?$filter=isRead%20eq%20false");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("isRead eq false");
    assertThat(response.headers().firstValue("request-id")).contains("r-1");
  }

  @Test
  void aDelayedResponseArrivesNoEarlierThanItsDelay() throws Exception {
    Router router = new Router(PLAIN);
    router.add("/slow", r -> SimResponse.text(200, "late").withDelay(Duration.ofMillis(300)));
    server = new SimServer("test-sim", "127.0.0.1", 0, 1, router);

    long start = System.nanoTime();
    HttpResponse<String> response = get("/slow");

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(response.body()).isEqualTo("late");
  }

  @Test
  void anUnknownPathGetsTheStylesNotFound() throws Exception {
    server = new SimServer("test-sim", "127.0.0.1", 0, 1, new Router(PLAIN));

    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("no route");
  }
}
