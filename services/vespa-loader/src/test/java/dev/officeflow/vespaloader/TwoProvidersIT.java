package dev.officeflow.vespaloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.Contact;
import dev.officeflow.events.ContactEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.Operation;
import dev.officeflow.events.SyncType;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.vespasim.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One user's Google and Microsoft items (issue 23): email, calendar and address-book contacts of
 * both providers, and the contacts service's discovered contact, become documents in the user's one
 * group, each under its own id, even when two providers' item ids are the same text. Microsoft
 * events are shaped as the office's Microsoft adapter writes them: item ids {@code microsoft_<Graph
 * id>}, the bare Graph id as the provider id.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoProvidersIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String MICROSOFT = "microsoft";

  /** Exchange ids are opaque base64: '=', '-', '_', and in older forms '/' and '+'. */
  private static final String GRAPH_ID = "AAMkAGI2T/G93+AAA-BB_CC==";

  private LoaderApp app;

  @BeforeAll
  void start() {
    app = LoaderApp.start();
  }

  @AfterAll
  void stop() throws InterruptedException {
    app.close();
  }

  @Test
  void bothProvidersItemsAreDocumentsInTheUsersOneGroupUnderDistinctIds() {
    String user = "u-" + UUID.randomUUID();
    List<DataEvent<?>> events =
        List.of(
            EventFixtures.emailEvent(user, "m1"),
            outlookEmail(user, "m1"),
            outlookEmail(user, GRAPH_ID),
            EventFixtures.calendarEvent(user, "e1"),
            outlookMeeting(user, "e1"),
            EventFixtures.contactEvent(user, "people/c1"),
            outlookContact(user, GRAPH_ID),
            discovered(user, MICROSOFT, "v1:0a1b2c"));

    app.publishAll(events);

    await().atMost(WAIT).until(() -> Documents.ofUser(app.sim(), user).size() == events.size());
    List<StoredDocument> stored = Documents.ofUser(app.sim(), user);
    assertThat(stored)
        .extracting(StoredDocument::id)
        .containsExactlyInAnyOrder(
            "id:officeflow:email:g=" + user + ":google_m1",
            "id:officeflow:email:g=" + user + ":microsoft_m1",
            "id:officeflow:email:g=" + user + ":microsoft_" + GRAPH_ID,
            "id:officeflow:calendar_event:g=" + user + ":google_e1",
            "id:officeflow:calendar_event:g=" + user + ":microsoft_e1",
            "id:officeflow:contact:g=" + user + ":google_people/c1",
            "id:officeflow:contact:g=" + user + ":microsoft_" + GRAPH_ID,
            "id:officeflow:contact:g=" + user + ":microsoft_v1:0a1b2c");
    assertThat(stored)
        .allSatisfy(d -> assertThat(d.fields()).containsEntry("user_id", user))
        .filteredOn(d -> d.id().contains(":microsoft_"))
        .allSatisfy(d -> assertThat(d.fields()).containsEntry("provider", MICROSOFT))
        .hasSize(5);
  }

  @Test
  void aMicrosoftDeleteTombstonesOnlyItsOwnDocument() {
    String user = "u-" + UUID.randomUUID();
    app.publishAll(List.of(EventFixtures.emailEvent(user, "m1"), outlookEmail(user, "m1")));
    await().atMost(WAIT).until(() -> Documents.liveOfUser(app.sim(), user).size() == 2);

    app.publish(Events.withOperation(outlookEmail(user, "m1"), Operation.DELETE));

    await().atMost(WAIT).until(() -> Documents.liveOfUser(app.sim(), user).size() == 1);
    assertThat(Documents.liveOfUser(app.sim(), user))
        .singleElement()
        .satisfies(d -> assertThat(d.id()).endsWith(":google_m1"));
  }

  @Test
  void aMicrosoftAddressBookContactAndAGoogleOneOfTheSameAddressAreLinkedByIt() {
    String user = "u-" + UUID.randomUUID();
    app.publishAll(
        List.of(EventFixtures.contactEvent(user, "people/c7"), outlookContact(user, GRAPH_ID)));

    await().atMost(WAIT).until(() -> app.sim().documents("contact", user).size() == 2);
    assertThat(app.sim().documents("contact", user))
        .allSatisfy(
            d ->
                assertThat(Documents.json(d.fields()).path("email_addresses").toString())
                    .contains("bo@example.org"));
  }

  private static EmailEvent outlookEmail(String user, String graphId) {
    Email g = EventFixtures.email(graphId);
    Email email =
        new Email(
            MICROSOFT + "_" + graphId,
            "AAQkAGI2conversation",
            g.subject(),
            g.body(),
            g.fromAddress(),
            g.toAddresses(),
            g.ccAddresses(),
            g.bccAddresses(),
            g.receivedDate(),
            g.sentDate(),
            List.of("Important"),
            g.isRead(),
            g.isStarred(),
            g.hasAttachments(),
            MICROSOFT,
            graphId,
            null,
            null,
            Map.of("Message-ID", "<" + graphId.hashCode() + "@contoso.test>"),
            g.displayNames());
    return new EmailEvent(
        tagged(user, "inbound"),
        user,
        Operation.CREATE,
        "job-ms",
        g.receivedDate(),
        Instant.now(),
        MICROSOFT,
        SyncType.BATCH_SYNC,
        email,
        null);
  }

  private static CalendarEvent outlookMeeting(String user, String graphId) {
    CalendarEntry g = EventFixtures.calendarEntry(graphId);
    CalendarEntry entry =
        new CalendarEntry(
            MICROSOFT + "_" + graphId,
            g.title(),
            g.description(),
            g.startTime(),
            g.endTime(),
            false,
            g.location(),
            g.organizer(),
            g.attendees(),
            "confirmed",
            "default",
            MICROSOFT,
            graphId,
            "primary",
            null,
            List.of(),
            List.of(),
            null,
            null,
            g.attendeeDetails());
    return new CalendarEvent(
        tagged(user, null),
        user,
        Operation.CREATE,
        "job-ms",
        g.startTime(),
        Instant.now(),
        MICROSOFT,
        SyncType.BATCH_SYNC,
        entry,
        null,
        "primary");
  }

  private static ContactEvent outlookContact(String user, String graphId) {
    Contact g = EventFixtures.contactEvent(user, graphId).contact();
    Contact contact =
        new Contact(
            MICROSOFT + "_" + graphId,
            g.displayName(),
            g.givenName(),
            g.familyName(),
            g.emailAddresses(),
            g.phoneNumbers(),
            List.of(),
            g.organizations(),
            g.birthdays(),
            g.notes(),
            MICROSOFT,
            graphId,
            List.of(),
            List.of("myContacts"),
            List.of(),
            g.lastModified());
    return new ContactEvent(
        tagged(user, null),
        user,
        Operation.CREATE,
        "job-ms",
        g.lastModified(),
        Instant.now(),
        MICROSOFT,
        SyncType.BATCH_SYNC,
        contact,
        null);
  }

  /** The contacts service's contact, announced under the provider that found it first. */
  private static ContactEvent discovered(String user, String provider, String hash) {
    ContactEvent g = EventFixtures.contactEvent(user, hash);
    Contact c = g.contact();
    Contact contact =
        new Contact(
            hash,
            "Bo",
            null,
            null,
            List.of("bo@example.org"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            provider,
            hash,
            List.of(),
            List.of(),
            List.of(),
            c.lastModified());
    return new ContactEvent(
        EventFixtures.metadata(user).withTags(Map.of("contact_hash", hash, "vip_score", "3.1")),
        user,
        Operation.CREATE,
        null,
        g.lastUpdated(),
        g.syncTimestamp(),
        provider,
        SyncType.INCREMENTAL_SYNC,
        contact,
        null);
  }

  private static EventMetadata tagged(String user, @Nullable String direction) {
    return EventFixtures.metadata(user)
        .withTags(
            direction == null
                ? Map.of("account", "ana@contoso.test")
                : Map.of("account", "ana@contoso.test", "direction", direction));
  }
}
