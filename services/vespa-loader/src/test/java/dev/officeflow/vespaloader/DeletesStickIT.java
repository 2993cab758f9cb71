package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespasim.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 2: a delete is remembered with its {@code last_updated} (a tombstone), so an older
 * create or update arriving later changes nothing, and the item stays absent to every reader that
 * skips tombstones, as every reader must; a newer create brings the item back.
 */
@IntegrationTest
class DeletesStickIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Instant CREATED = Instant.ofEpochMilli(1_000);
  private static final Instant DELETED = Instant.ofEpochMilli(2_000);

  private LoaderApp app;

  @BeforeEach
  void start() {
    app = LoaderApp.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void aDeleteFollowedByARedeliveredOlderCreateLeavesTheDocumentAbsent() {
    EmailEvent create = Events.emailAt("u1", "m1", "hello", CREATED, Operation.CREATE);
    app.publish(create);
    await().atMost(WAIT).until(() -> live("email", "u1", "m1").isPresent());

    app.publish(Events.emailAt("u1", "m1", "", DELETED, Operation.DELETE));
    await().atMost(WAIT).until(() -> tombstone("email", "u1", "m1"));
    app.publish(create);

    await().atMost(WAIT).until(() -> app.settled(EventType.EMAIL, "stale") == 1);
    assertThat(live("email", "u1", "m1")).isEmpty();
    StoredDocument tombstone = stored("email", "u1", "m1").orElseThrow();
    assertThat(tombstone.fields())
        .containsEntry("deleted", true)
        .doesNotContainKeys("title", "content", "from_address");
    assertThat(Documents.json(tombstone.fields()).path("last_updated").asLong())
        .isEqualTo(DELETED.toEpochMilli());
  }

  @Test
  void aCreateThatArrivesOnlyAfterTheDeleteOfItsItemNeverAppears() {
    app.publish(Events.emailAt("u1", "m1", "", DELETED, Operation.DELETE));
    await().atMost(WAIT).until(() -> tombstone("email", "u1", "m1"));

    app.publish(Events.emailAt("u1", "m1", "late", CREATED, Operation.CREATE));

    await().atMost(WAIT).until(() -> app.settled(EventType.EMAIL, "stale") == 1);
    assertThat(live("email", "u1", "m1")).isEmpty();
  }

  @Test
  void anUpdateOlderThanTheDeleteIsANoOp() {
    app.publish(Events.emailAt("u1", "m1", "hello", CREATED, Operation.CREATE));
    await().atMost(WAIT).until(() -> live("email", "u1", "m1").isPresent());
    app.publish(Events.emailAt("u1", "m1", "", DELETED, Operation.DELETE));
    await().atMost(WAIT).until(() -> tombstone("email", "u1", "m1"));

    app.publish(Events.emailAt("u1", "m1", "edited", DELETED.minusMillis(1), Operation.UPDATE));

    await().atMost(WAIT).until(() -> app.settled(EventType.EMAIL, "stale") == 1);
    assertThat(live("email", "u1", "m1")).isEmpty();
  }

  @Test
  void aCreateNewerThanTheDeleteIsAppliedAsTheItemCameBack() {
    app.publish(Events.emailAt("u1", "m1", "", DELETED, Operation.DELETE));
    await().atMost(WAIT).until(() -> tombstone("email", "u1", "m1"));

    app.publish(Events.emailAt("u1", "m1", "restored", DELETED.plusMillis(1), Operation.CREATE));

    await().atMost(WAIT).until(() -> live("email", "u1", "m1").isPresent());
    assertThat(live("email", "u1", "m1").orElseThrow().fields())
        .containsEntry("title", "restored")
        .doesNotContainKey("deleted");
  }

  @Test
  void aContactDeleteSticksTheSameWay() {
    ContactEvent create = Events.contactAt("u1", "c1", CREATED, Operation.CREATE);
    app.publish(create);
    await().atMost(WAIT).until(() -> live("contact", "u1", "c1").isPresent());

    app.publish(Events.contactAt("u1", "c1", DELETED, Operation.DELETE));
    await().atMost(WAIT).until(() -> tombstone("contact", "u1", "c1"));
    app.publish(create);

    await().atMost(WAIT).until(() -> app.settled(EventType.CONTACT, "stale") == 1);
    assertThat(live("contact", "u1", "c1")).isEmpty();
    assertThat(stored("contact", "u1", "c1").orElseThrow().fields())
        .doesNotContainKeys("title", "email_addresses", "relevance");
  }

  /** The document as a reader sees it: absent when missing or a tombstone. */
  private Optional<StoredDocument> live(String doctype, String user, String providerId) {
    return stored(doctype, user, providerId).filter(d -> !Documents.isTombstone(d));
  }

  private boolean tombstone(String doctype, String user, String providerId) {
    return stored(doctype, user, providerId).map(Documents::isTombstone).orElse(false);
  }

  private Optional<StoredDocument> stored(String doctype, String user, String providerId) {
    return Documents.find(
        app.sim(),
        doctype,
        user,
        "id:officeflow:" + doctype + ":g=" + user + ":google_" + providerId);
  }
}
