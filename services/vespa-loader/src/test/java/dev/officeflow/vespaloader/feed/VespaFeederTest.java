package dev.officeflow.vespaloader.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.vespaloader.Events;
import dev.officeflow.vespaloader.FakeVespa;
import dev.officeflow.vespaloader.document.DocumentFactory;
import dev.officeflow.vespaloader.document.VespaDocument;
import dev.officeflow.vespasim.VespaSim;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feeder against vespa-sim through the real feed client (HTTP/2 cleartext). */
class VespaFeederTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final DocumentFactory FACTORY = new DocumentFactory("officeflow");

  private static VespaSim sim;
  private FeedClients clients;

  @BeforeAll
  static void startSim() {
    sim = VespaSim.start(0, Path.of("../../infra/vespa/schemas"));
  }

  @AfterAll
  static void stopSim() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  @AfterEach
  void close() {
    if (clients != null) {
      clients.close();
    }
  }

  @Test
  void aNewDocumentIsWrittenAndDone() {
    Outcome outcome = write(email("m1", "hello", 1_000));

    assertThat(outcome).isEqualTo(Outcome.done());
    assertThat(sim.documents("email", "u1"))
        .singleElement()
        .satisfies(d -> assertThat(d.fields()).containsEntry("title", "hello"));
  }

  @Test
  void anOlderVersionIsStaleAndTheStoredNewerOneStays() {
    write(email("m1", "newer", 2_000));

    Outcome outcome = write(email("m1", "older", 1_000));

    assertThat(outcome).isEqualTo(Outcome.stale());
    assertThat(sim.documents("email", "u1").get(0).fields()).containsEntry("title", "newer");
  }

  @Test
  void theSameVersionAgainIsWrittenAgainAsTheSameSingleDocument() {
    write(email("m1", "hello", 1_000));

    Outcome outcome = write(email("m1", "hello", 1_000));

    assertThat(outcome).isEqualTo(Outcome.done());
    assertThat(sim.stats().puts()).isEqualTo(2);
    assertThat(sim.documents("email", "u1")).hasSize(1);
  }

  @Test
  void aNewerVersionReplacesTheWholeDocument() {
    write(email("m1", "old", 1_000));

    Outcome outcome = write(email("m1", "new", 2_000));

    assertThat(outcome).isEqualTo(Outcome.done());
    assertThat(sim.documents("email", "u1").get(0).fields()).containsEntry("title", "new");
  }

  @Test
  void aDeleteWritesATombstoneInPlaceOfTheDocument() {
    write(email("m1", "bye", 1_000));

    Outcome outcome = write(tombstone("m1", 2_000));

    assertThat(outcome).isEqualTo(Outcome.done());
    assertThat(sim.documents("email", "u1"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.fields())
                    .containsEntry("deleted", true)
                    .doesNotContainKeys("title", "content"));
  }

  @Test
  void aCreateOlderThanTheTombstoneOrAsOldIsStaleAndANewerOneIsWritten() {
    write(tombstone("m1", 2_000));

    assertThat(write(email("m1", "older", 1_000))).isEqualTo(Outcome.stale());
    assertThat(write(email("m1", "as old", 2_000))).isEqualTo(Outcome.stale());
    assertThat(sim.documents("email", "u1").get(0).fields()).containsEntry("deleted", true);

    assertThat(write(email("m1", "restored", 3_000))).isEqualTo(Outcome.done());
    assertThat(sim.documents("email", "u1").get(0).fields())
        .containsEntry("title", "restored")
        .doesNotContainKey("deleted");
  }

  @Test
  void aDeleteOlderThanTheStoredVersionIsStaleAndTheDocumentStays() {
    write(email("m1", "newer", 2_000));

    assertThat(write(tombstone("m1", 1_000))).isEqualTo(Outcome.stale());
    assertThat(sim.documents("email", "u1").get(0).fields()).containsEntry("title", "newer");
  }

  @Test
  void aDeleteOfAnItemNeverSeenLeavesATombstoneThatKeepsTheLateCreateOut() {
    assertThat(write(tombstone("m1", 2_000))).isEqualTo(Outcome.done());

    assertThat(write(email("m1", "late create", 1_000))).isEqualTo(Outcome.stale());
  }

  @Test
  void aDocumentVespaRejectsIsDeadLetteredWithVespasMessage() {
    VespaDocument valid = email("m1", "x", 1_000);
    Map<String, Object> fields = new LinkedHashMap<>(valid.fields());
    fields.put("bcc_addresses", List.of("secret@example.com"));

    Outcome outcome = write(new VespaDocument(valid.id(), fields, valid.lastUpdated()));

    assertThat(outcome.action()).isEqualTo(Outcome.Action.DEAD_LETTER);
    assertThat(outcome.reason())
        .startsWith("vespa_rejected: ")
        .contains("No field 'bcc_addresses' in the structure of type 'email'");
    assertThat(sim.stats().totalDocuments()).isZero();
  }

  @Test
  void whenNothingListensTheWriteIsAnOutageTheRuntimeWaitsOut() {
    VespaFeeder unreachable = feeder(FakeVespa.unreachable(), Duration.ofMillis(300));

    Outcome outcome = unreachable.write(email("m1", "x", 1_000)).block(TIMEOUT);

    assertThat(outcome.action()).isEqualTo(Outcome.Action.UNAVAILABLE);
    assertThat(outcome.reason()).startsWith("vespa_unavailable: ").contains("Connection refused");
  }

  @Test
  void aRetryWaitsTheRetryDelayBeforeItIsNacked() {
    Duration retryDelay = Duration.ofMillis(300);
    VespaFeeder feeder = feeder(FakeVespa.unreachable(), retryDelay);
    Instant start = Instant.now();

    Outcome outcome = feeder.held(Outcome.retry("vespa_failed: x")).block(TIMEOUT);

    assertThat(outcome.action()).isEqualTo(Outcome.Action.RETRY);
    assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(retryDelay);
  }

  private Outcome write(VespaDocument document) {
    return feeder(simEndpoint(), Duration.ZERO).write(document).block(TIMEOUT);
  }

  private VespaFeeder feeder(URI endpoint, Duration retryDelay) {
    if (clients == null) {
      FeedSettings settings = FeedSettings.of(endpoint);
      clients =
          new FeedClients(
              () -> FeedConfiguration.feedClient(settings),
              Clock.systemUTC(),
              Duration.ofSeconds(1));
    }
    return new VespaFeeder(clients, TIMEOUT, retryDelay);
  }

  private static URI simEndpoint() {
    return URI.create("http://127.0.0.1:" + sim.port() + "/");
  }

  private static VespaDocument tombstone(String providerId, long lastUpdated) {
    EmailEvent delete =
        Events.emailAt("u1", providerId, "", Instant.ofEpochMilli(lastUpdated), Operation.DELETE);
    return FACTORY.tombstone(delete, Instant.now());
  }

  private static VespaDocument email(String providerId, String subject, long lastUpdated) {
    EmailEvent event = Events.emailAt("u1", providerId, subject, Instant.ofEpochMilli(lastUpdated));
    return FACTORY.document(event);
  }
}
