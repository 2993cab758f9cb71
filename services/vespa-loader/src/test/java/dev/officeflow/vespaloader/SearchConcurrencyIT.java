package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespasim.Faults;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search's {@code max-concurrent} bound against a slow Vespa: with the bound's worth of
 * searches waiting for vespa-sim, one more is refused with 503 {@code search_unavailable} at once
 * instead of piling up, the waiting ones still answer 200, and the service stays healthy. A bound
 * of 3 instead of 32 keeps it cheap; the code path is the same.
 */
@IntegrationTest
class SearchConcurrencyIT {

  private static final int BOUND = 3;
  private static final int EXTRA = 4;

  /**
   * Long enough that the bound's searches are surely still waiting when the extra ones come, also
   * on a loaded machine (4 s was not: the extra ones came after the waiting ones had answered).
   */
  private static final Duration VESPA_LATENCY = Duration.ofSeconds(15);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LoaderApp app;

  @BeforeAll
  static void start() {
    app =
        LoaderApp.start(
            Map.of(
                "officeflow.vespa-loader.search.max-concurrent", Integer.toString(BOUND),
                // Vespa may take its time here: a slow answer must come back 200, not time out.
                "officeflow.vespa-loader.search.timeout", "30s",
                // The JWT's forgotten-user check reads Vespa too: answered once before Vespa
                // slows down and then reused, so that only the searches wait for the latency.
                "officeflow.vespa-loader.purge.not-forgotten-for", "10m",
                "officeflow.vespa-loader.purge.second-pass-after", "11m"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    app.sim().setFaults(Faults.none());
    app.close();
  }

  @Test
  void searchesBeyondTheBoundAre503AtOnceWhileTheOthersAnswer() {
    String ana = "u-" + UUID.randomUUID();
    String token = app.jwks().token(ana);
    assertThat(search(token).join().status()).isEqualTo(200);

    app.sim().setFaults(new Faults(0, List.of(503), VESPA_LATENCY.toMillis()));
    List<CompletableFuture<Reply>> waiting = new ArrayList<>();
    List<Reply> refused = new ArrayList<>();
    try {
      for (int i = 0; i < BOUND; i++) {
        waiting.add(search(token));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> activeRequests() >= BOUND);
      for (int i = 0; i < EXTRA; i++) {
        refused.add(search(token).join());
      }
      assertThat(waiting).as("the bound's searches wait for Vespa").noneMatch(f -> f.isDone());
      // What Kubernetes restarts a pod on: the process answers, though its Vespa is slow (the
      // readiness group's Vespa check may well say so).
      assertThat(health("/liveness")).isEqualTo(200);

      List<Reply> answered = waiting.stream().map(CompletableFuture::join).toList();

      assertThat(refused)
          .allSatisfy(
              reply -> {
                assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
                assertThat(reply.body().path("code").asString()).isEqualTo("search_unavailable");
                assertThat(reply.took()).isLessThan(VESPA_LATENCY);
              });
      assertThat(answered)
          .allSatisfy(
              reply -> {
                assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
                assertThat(reply.took()).isGreaterThanOrEqualTo(VESPA_LATENCY);
              });
    } finally {
      app.sim().setFaults(Faults.none());
    }
    assertThat(health("")).isEqualTo(200);
    assertThat(search(token).join().status()).as("the slots are given back").isEqualTo(200);
  }

  /** Requests the service is serving now (Spring's server observation, one timer per request). */
  private static double activeRequests() {
    return app
        .bean(MeterRegistry.class)
        .find("http.server.requests.active")
        .longTaskTimers()
        .stream()
        .mapToDouble(LongTaskTimer::activeTasks)
        .sum();
  }

  private static CompletableFuture<Reply> search(String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/v1/search?q=budget"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    Instant sent = Instant.now();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response ->
                new Reply(
                    response.statusCode(),
                    JSON.readTree(response.body()),
                    Duration.between(sent, Instant.now())));
  }

  private static int health(String group) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/actuator/health" + group)).build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).join().statusCode();
  }

  private static String base() {
    return "http://127.0.0.1:" + app.port();
  }

  private record Reply(int status, JsonNode body, Duration took) {}
}
