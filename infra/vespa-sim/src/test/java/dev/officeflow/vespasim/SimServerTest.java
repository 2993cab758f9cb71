package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP surface: protocols, admin endpoints, fault injection, and paths outside the API. */
class SimServerTest {

  private static VespaSim sim;
  private static SimHttp http;

  @BeforeAll
  static void start() {
    sim = VespaSim.start(0, Fixtures.SCHEMAS);
    http = new SimHttp(sim.port());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  @Test
  void http2CleartextAndHttp11AreServedOnTheSamePort() {
    SimHttp.Reply overH2c =
        new SimHttp(sim.port(), HttpClient.Version.HTTP_2).get(Fixtures.emailPath("u", "x"));
    SimHttp.Reply overHttp11 = http.get(Fixtures.emailPath("u", "x"));

    assertThat(overH2c.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(overHttp11.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(overH2c.status()).isEqualTo(404);
    assertThat(overHttp11.status()).isEqualTo(404);
  }

  @Test
  void statsCountOperationsAndDocumentsPerType() {
    http.post(Fixtures.emailPath("u", "1"), Fixtures.email("u", "a", 1));
    http.post(Fixtures.emailPath("u", "1") + "?condition=email.last_updated%3E5", "{}");
    http.post(Fixtures.emailPath("u", "2"), "{\"fields\":{\"nope\":1}}");

    SimHttp.Reply stats = http.get("/sim/stats");

    assertThat(stats.json().path("puts").asLong()).isEqualTo(1);
    assertThat(stats.json().path("conditionFailures").asLong()).isEqualTo(1);
    assertThat(stats.json().path("rejected").asLong()).isEqualTo(1);
    assertThat(stats.json().path("documents").path("email").asInt()).isEqualTo(1);
    assertThat(stats.json().path("documents").path("todo").asInt()).isZero();
  }

  @Test
  void resetDropsDocumentsCountersAndFaults() {
    http.post(Fixtures.emailPath("u", "1"), Fixtures.email("u", "a", 1));
    sim.setFaults(new Faults(0.5, List.of(503), 0));

    SimHttp.Reply reset = http.post("/sim/reset", "");

    assertThat(reset.status()).isEqualTo(200);
    assertThat(sim.stats().totalDocuments()).isZero();
    assertThat(sim.stats().puts()).isZero();
    assertThat(http.get("/sim/faults").json().path("error_rate").asDouble()).isZero();
  }

  @Test
  void faultsPostedToTheAdminEndpointFailEveryRequestAtRateOneWithVespasErrorShape() {
    SimHttp.Reply set = http.post("/sim/faults", "{\"error_rate\":1.0,\"statuses\":[429]}");

    SimHttp.Reply put = http.post(Fixtures.emailPath("u", "1"), Fixtures.email("u", "a", 1));

    assertThat(set.status()).isEqualTo(200);
    assertThat(put.status()).isEqualTo(429);
    assertThat(put.json().path("pathId").asString()).isEqualTo(Fixtures.emailPath("u", "1"));
    assertThat(put.json().path("message").asString()).isNotBlank();
    assertThat(sim.stats().faultsInjected()).isEqualTo(1);
    assertThat(sim.stats().totalDocuments()).isZero();
  }

  @Test
  void invalidFaultSettingsAreRejected() {
    SimHttp.Reply set = http.post("/sim/faults", "{\"error_rate\":1.5,\"statuses\":[503]}");

    assertThat(set.status()).isEqualTo(400);
    assertThat(set.json().path("message").asString()).contains("error_rate");
  }

  @Test
  void injectedLatencyDelaysResponses() {
    sim.setFaults(new Faults(0, List.of(), 300));
    long start = System.nanoTime();

    SimHttp.Reply get = http.get(Fixtures.emailPath("u", "1"));

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(get.status()).isEqualTo(404);
  }

  @Test
  void pathsOutsideTheDocumentApiAnswer404InVespasShape() {
    SimHttp.Reply reply = http.get("/document/v1/officeflow");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("pathId").asString()).isEqualTo("/document/v1/officeflow");
    assertThat(reply.json().path("message").asString()).contains("Nothing at");
  }

  @Test
  void anUnsupportedUpdateOperationIsRejectedRatherThanIgnored() {
    http.post(Fixtures.emailPath("u", "1"), Fixtures.email("u", "a", 1));

    SimHttp.Reply update =
        http.put(Fixtures.emailPath("u", "1"), "{\"fields\":{\"labels\":{\"add\":[\"x\"]}}}");

    assertThat(update.status()).isEqualTo(400);
    assertThat(update.json().path("message").asString()).contains("assign");
  }

  @Test
  void aConditionOnAFieldTheTypeDoesNotHaveIsRejectedRatherThanNeverMatching() {
    http.post(Fixtures.emailPath("u", "1"), Fixtures.email("u", "a", 1));

    SimHttp.Reply put =
        http.post(
            Fixtures.emailPath("u", "1") + "?condition=email.lastUpdated%3C5",
            Fixtures.email("u", "b", 2));

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().path("message").asString()).contains("'lastUpdated'");
  }

  @Test
  void aValueOfTheWrongTypeIsRejected() {
    SimHttp.Reply put =
        http.post(Fixtures.emailPath("u", "1"), "{\"fields\":{\"last_updated\":\"yesterday\"}}");

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json().path("message").asString()).contains("last_updated").contains("long");
  }
}
