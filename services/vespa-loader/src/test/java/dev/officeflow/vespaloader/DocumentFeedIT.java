package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.Operation;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespaloader.document.DocumentFactory;
import dev.officeflow.vespaloader.document.VespaDocument;
import dev.officeflow.vespasim.StoredDocument;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Events published on the catalog topics become, replace or lose their Vespa documents. */
@IntegrationTest
class DocumentFeedIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final DocumentFactory FACTORY = new DocumentFactory("officeflow");

  private LoaderApp app;

  @BeforeEach
  void start() {
    app = LoaderApp.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    app.close();
  }

  static Stream<DataEvent<?>> oneEventOfEachType() {
    return Stream.of(
        EventFixtures.emailEvent("u-email", "m1"),
        EventFixtures.calendarEvent("u-calendar", "e1"),
        EventFixtures.contactEvent("u-contact", "c1"),
        EventFixtures.documentEvent("u-document", "d1"),
        EventFixtures.todoEvent("u-todo", "t1"));
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void eachEventTypeBecomesExactlyOneDocumentWithItsIdAndFields(DataEvent<?> event) {
    VespaDocument expected = FACTORY.document(event);

    app.publish(event);

    String doctype = EventType.of(event).docType();
    await().atMost(WAIT).until(() -> !app.sim().documents(doctype, event.userId()).isEmpty());
    List<StoredDocument> stored = Documents.ofUser(app.sim(), event.userId());
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).id())
        .isEqualTo(
            "id:officeflow:"
                + doctype
                + ":g="
                + event.userId()
                + ":google_"
                + event.providerItemId());
    assertThat(Documents.json(stored.get(0).fields())).isEqualTo(Documents.json(expected.fields()));
  }

  @Test
  void aRedeliveredEventLeavesOneDocument() {
    EmailEvent event = EventFixtures.emailEvent("u1", "m1");

    app.publish(event);
    app.publish(event);

    await().atMost(WAIT).until(() -> app.sim().stats().puts() == 2);
    assertThat(app.sim().documents("email", "u1")).hasSize(1);
  }

  @Test
  void anUpdateOlderThanTheStoredVersionDoesNotOverwriteIt() {
    EmailEvent newer = emailAt("u1", "m1", "newer subject", 2_000);
    EmailEvent older = emailAt("u1", "m1", "older subject", 1_000);
    app.publish(newer);
    await().atMost(WAIT).until(() -> app.sim().stats().puts() == 1);

    app.publish(older);

    await().atMost(WAIT).until(() -> app.sim().stats().conditionFailures() == 1);
    StoredDocument stored = app.sim().documents("email", "u1").get(0);
    assertThat(stored.fields()).containsEntry("title", "newer subject");
    assertThat(Documents.json(stored.fields()).path("last_updated").asLong())
        .isEqualTo(newer.lastUpdated().toEpochMilli());
  }

  @Test
  void aDeleteReplacesTheDocumentWithItsTombstone() {
    EmailEvent created = EventFixtures.emailEvent("u1", "m1");
    app.publish(created);
    await().atMost(WAIT).until(() -> app.sim().documents("email", "u1").size() == 1);

    app.publish(Events.withOperation(created, Operation.DELETE));

    await().atMost(WAIT).until(() -> Documents.liveOfUser(app.sim(), "u1").isEmpty());
    assertThat(app.sim().documents("email", "u1"))
        .singleElement()
        .satisfies(tombstone -> assertThat(Documents.isTombstone(tombstone)).isTrue());
    assertThat(app.sim().stats().removes()).isZero();
  }

  private static EmailEvent emailAt(String userId, String providerId, String subject, long at) {
    return Events.emailAt(userId, providerId, subject, java.time.Instant.ofEpochMilli(at));
  }
}
