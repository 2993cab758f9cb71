package dev.officeflow.vespasim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tombstones as vespa-loader writes them, against the sim loaded with the whole application package
 * (schemas and services.xml): conditional puts with {@code create=true} keep older writes out, and
 * garbage collection removes a tombstone only after its retention.
 */
class TombstoneTest {

  private static final String DOC = "/document/v1/officeflow/email/group/u1/google_m1";
  private static final Duration RETENTION = Duration.ofDays(40);

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
  void aTombstoneKeepsAnOlderCreateOutAndLetsANewerOneIn() {
    assertThat(put(tombstone(2_000, Instant.now()), "email.last_updated <= 2000").status())
        .isEqualTo(200);

    SimHttp.Reply older = put(Fixtures.email("u1", "old", 1_000), live(1_000));
    SimHttp.Reply same = put(Fixtures.email("u1", "same", 2_000), live(2_000));

    assertThat(older.status()).isEqualTo(412);
    assertThat(same.status()).isEqualTo(412);
    assertThat(http.get(DOC).json().path("fields").path("deleted").asBoolean()).isTrue();

    assertThat(put(Fixtures.email("u1", "restored", 3_000), live(3_000)).status()).isEqualTo(200);
    assertThat(http.get(DOC).json().path("fields").path("title").asString()).isEqualTo("restored");
    assertThat(http.get(DOC).json().path("fields").has("deleted")).isFalse();
  }

  @Test
  void garbageCollectionRemovesATombstoneOnlyAfterItsRetentionAndNeverALiveDocument() {
    Instant written = Instant.now();
    put(tombstone(2_000, written), "email.last_updated <= 2000");
    http.post(
        "/document/v1/officeflow/email/group/u1/google_live", Fixtures.email("u1", "live", 1_000));

    assertThat(sim.collectGarbage(written.plus(RETENTION).minusSeconds(60))).isZero();
    assertThat(sim.stats().documents()).containsEntry("email", 2);

    SimHttp.Reply collected =
        http.post("/sim/gc?now=" + written.plus(RETENTION).plusSeconds(60).getEpochSecond(), "");

    assertThat(collected.json().path("removed").asInt()).isEqualTo(1);
    assertThat(sim.documents("email", "u1"))
        .singleElement()
        .satisfies(d -> assertThat(d.id()).endsWith(":google_live"));
  }

  @Test
  void aPutTheClusterWouldNotKeepIsAnsweredButNotStoredAsVespaDropsExpiredDocuments() {
    Instant longAgo = Instant.now().minus(RETENTION).minusSeconds(3_600);

    SimHttp.Reply reply = put(tombstone(2_000, longAgo), "email.last_updated <= 2000");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(http.get(DOC).status()).isEqualTo(404);
  }

  private static SimHttp.Reply put(String body, String condition) {
    return http.post(
        DOC + "?create=true&condition=" + URLEncoder.encode(condition, StandardCharsets.UTF_8),
        body);
  }

  /** vespa-loader's condition for a create or update of version {@code lastUpdated}. */
  private static String live(long lastUpdated) {
    return "email.last_updated < "
        + lastUpdated
        + " or (email.last_updated == "
        + lastUpdated
        + " and email.deleted != true)";
  }

  private static String tombstone(long lastUpdated, Instant deletedAt) {
    return "{\"fields\":{\"user_id\":\"u1\",\"doc_type\":\"email\",\"provider\":\"google\","
        + "\"provider_id\":\"m1\",\"operation\":\"delete\",\"last_updated\":"
        + lastUpdated
        + ",\"deleted\":true,\"deleted_at\":"
        + deletedAt.toEpochMilli()
        + "}}";
  }
}
