package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.CalendarEntry;
import dev.officeflow.events.CalendarEvent;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.Email;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 25, acceptance 3: a mixed stream. The office backfills a connected Google account while a
 * reference publisher writes the same messages and meetings on the legacy topics as the reference
 * services would (batches of what it has seen the office write, so the two paths overlap by
 * provider item id and race each other), naming the provider {@code gmail} in half of them and
 * {@code google} in the other half, plus mail of its own history the office never reads (once as
 * {@code gmail} in a backfill and once as {@code google} in an update), an address book twice (both
 * names), an update of an overlapped message and a delete of another. Once the system is quiet,
 * every distinct item is one Vespa document, the contacts service counted each message once per
 * correspondent, and the legacy delete removed its document.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class LegacyMixedStreamSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** How long nothing may change before the system counts as quiet. */
  private static final Duration QUIET = Duration.ofSeconds(4);

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper TREE = JsonMapper.builder().build();
  private static final String BRIDGE = "legacy-bridge";
  private static final Set<String> OWN = Set.of(SystemAccounts.LEA);
  private static final List<String> TYPED =
      List.of(Topics.EMAILS, Topics.CALENDARS, Topics.CONTACTS);

  private static OfficeflowSystem system;
  private static EmulatorPubSub pubsub;
  private static Map<String, EmulatorPubSub.Collector> typed;
  private static List<EmulatorPubSub.Collector> deadLetters;
  private static String userId;
  private static ReferencePublisher reference;
  private static final Set<String> forwarded = new HashSet<>();
  private static int batches;
  private static List<Email> legacyOnly;
  private static List<ObjectNode> addressBook;
  private static Email deleted;

  @BeforeAll
  static void runTheMixedStream(OfficeflowSystem running) throws Exception {
    system = running;
    long starting = System.nanoTime();
    system.legacyBridge();
    System.out.printf(
        "legacy bridge ready after %d ms%n",
        Duration.ofNanos(System.nanoTime() - starting).toMillis());
    pubsub = new EmulatorPubSub();
    typed = new LinkedHashMap<>();
    for (String topic : TYPED) {
      String subscription = system.prefix() + "system-tests-mixed-" + topic;
      pubsub.admin().createSubscription(subscription, system.prefix() + topic);
      typed.put(topic, pubsub.collect(subscription));
    }
    deadLetters =
        Stream.concat(
                Catalog.subscriptions().stream(),
                Catalog.subscriptions(Catalog.Group.LEGACY).stream())
            .map(LegacyMixedStreamSystemIT::watch)
            .toList();
    SystemClient client = new SystemClient(system);
    userId = client.connect(SystemAccounts.LEA);
    reference = new ReferencePublisher(pubsub, system.prefix(), userId);
    // The reference says nothing of the user's own address: contacts learns it from the
    // integration event, and counts nobody as a correspondent before that.
    await()
        .atMost(PATIENCE)
        .until(() -> single("SELECT count(*) FROM own_addresses WHERE user_id = ?") > 0);

    // The reference's own history, which the office never reads: named both ways, sent twice.
    legacyOnly = legacyOnlyEmails();
    reference.emailBackfill(legacyOnly, "gmail");
    reference.emailUpdate(legacyOnly.get(0), "create", "google");
    addressBook = List.of(addressBookEntry(0), addressBookEntry(1), addressBookEntry(2));
    reference.contactBatch(addressBook, "google");
    reference.contactBatch(addressBook, "gmail");

    // While the office backfills, the reference writes what it has seen the office write.
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .failFast("dead-lettered", () -> assertThat(deadLettered()).isEmpty())
        .until(
            () -> {
              forwardNew();
              return backfilled(client)
                  && officeItems(EmailEvent.class).size() >= SystemAccounts.MIXED_MAILBOX
                  && forwarded.containsAll(officeItems(EmailEvent.class).keySet())
                  && forwarded.containsAll(officeItems(CalendarEvent.class).keySet());
            });

    List<Email> office = officeEmails();
    Email updated = office.get(0);
    reference.emailUpdate(withRead(updated, !updated.isRead()), "update", "gmail");
    deleted =
        office.stream()
            .skip(1)
            .filter(e -> !Correspondents.of(e, OWN).isEmpty())
            .findFirst()
            .orElseThrow();
    reference.emailUpdate(deleted, "delete", "google");

    awaitQuiet();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    typed.values().forEach(EmulatorPubSub.Collector::close);
    deadLetters.forEach(EmulatorPubSub.Collector::close);
    pubsub.close();
  }

  @Test
  void everyLegacyItemIsBridgedOnceAndNothingIsDeadLettered() {
    assertThat(bridgedEventIds()).hasSize(reference.items());
    assertThat(deadLettered()).isEmpty();
  }

  @Test
  void everyDistinctItemIsOneVespaDocumentWhicheverPathAndName() {
    Set<String> emails = new HashSet<>();
    officeEmails().forEach(e -> emails.add("google_" + e.providerMessageId()));
    legacyOnly.forEach(e -> emails.add("google_" + e.providerMessageId()));
    emails.remove("google_" + deleted.providerMessageId());
    Set<String> meetings =
        officeItems(CalendarEvent.class).keySet().stream()
            .map(id -> "google_" + id)
            .collect(Collectors.toSet());
    Set<String> book =
        addressBook.stream()
            .map(c -> "google_" + c.get("provider_contact_id").asString())
            .collect(Collectors.toSet());

    assertThat(liveDocuments("email")).containsExactlyInAnyOrderElementsOf(emails);
    assertThat(liveDocuments("calendar_event")).containsExactlyInAnyOrderElementsOf(meetings);
    assertThat(liveDocuments("contact").stream().filter(id -> !id.startsWith("google_v1:")))
        .containsExactlyInAnyOrderElementsOf(book);
  }

  @Test
  void aLegacyDeleteRemovesTheVespaDocument() {
    JsonNode document = document("email", "google_" + deleted.providerMessageId());

    assertThat(document)
        .as("the office's create, whenever it came, left no live document")
        .isNotNull();
    assertThat(document.path("deleted").asBoolean()).isTrue();
    assertThat(document.path("subject").isMissingNode()).isTrue();
  }

  @Test
  void contactsCountsEachMessageOncePerCorrespondent() throws SQLException {
    List<Email> live = liveEmails();
    Set<String> counted =
        live.stream()
            .filter(e -> !Correspondents.of(e, OWN).isEmpty())
            .map(Email::providerMessageId)
            .collect(Collectors.toSet());
    List<Integer> expected = sorted(Correspondents.counts(live, OWN).values().stream());

    assertThat(
            strings(
                "SELECT DISTINCT item_id FROM interactions WHERE user_id = ? AND source = 'email'"))
        .containsExactlyInAnyOrderElementsOf(counted);
    // Per correspondent: the contact's email counters, and the rows they are made of.
    assertThat(
            sorted(
                integers(
                    "SELECT emails_sent_to + emails_sent_cc + emails_received + emails_shared"
                        + " FROM contacts WHERE user_id = ?"
                        + " AND emails_sent_to + emails_sent_cc + emails_received + emails_shared > 0")
                    .stream()))
        .isEqualTo(expected);
    assertThat(
            sorted(
                integers(
                    "SELECT count(*) FROM interactions WHERE user_id = ? AND source = 'email'"
                        + " GROUP BY participant")
                    .stream()))
        .isEqualTo(expected);
    assertThat(
            integers(
                "SELECT c.interactions - (SELECT count(*) FROM interactions i"
                    + " WHERE i.user_id = c.user_id AND i.participant = c.contact_hash)"
                    + " FROM contacts c WHERE c.user_id = ?"))
        .allMatch(difference -> difference == 0);
  }

  /**
   * Waits until every legacy item has come out of the bridge and then nothing the test reads
   * (documents, contact counts) has changed for {@link #QUIET}.
   */
  private static void awaitQuiet() {
    Object[] last = {null};
    Instant[] since = {Instant.now()};
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .failFast("dead-lettered", () -> assertThat(deadLettered()).isEmpty())
        .until(
            () -> {
              Object now =
                  List.of(
                      liveDocuments("email"),
                      liveDocuments("calendar_event"),
                      liveDocuments("contact"),
                      integers(
                          "SELECT interactions FROM contacts WHERE user_id = ?"
                              + " ORDER BY contact_hash"));
              if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = Instant.now();
              }
              return bridgedEventIds().size() >= reference.items()
                  && Duration.between(since[0], Instant.now()).compareTo(QUIET) >= 0;
            });
  }

  /** Publishes, as legacy batches, the office's items the reference has not written yet. */
  private static void forwardNew() {
    List<Email> emails =
        officeEmails().stream().filter(e -> !forwarded.contains(e.providerMessageId())).toList();
    List<CalendarEntry> meetings =
        officeItems(CalendarEvent.class).values().stream()
            .map(CalendarEvent::event)
            .filter(e -> !forwarded.contains(e.providerEventId()))
            .toList();
    if (!emails.isEmpty()) {
      reference.emailBackfill(emails, name());
      emails.forEach(e -> forwarded.add(e.providerMessageId()));
    }
    if (!meetings.isEmpty()) {
      reference.calendarBatch(meetings, name());
      meetings.forEach(e -> forwarded.add(e.providerEventId()));
    }
  }

  /** The provider's name in the next batch: the reference's product name, then officeflow's. */
  private static String name() {
    return batches++ % 2 == 0 ? "gmail" : "google";
  }

  private static boolean backfilled(SystemClient client) {
    List<JsonNode> jobs = client.jobs(userId);
    return !jobs.isEmpty()
        && jobs.stream()
            .map(j -> j.path("status").asString())
            .noneMatch(s -> s.equals("queued") || s.equals("running"));
  }

  /** The office's latest event per provider item id of type {@code type}. */
  private static <E extends DataEvent<?>> Map<String, E> officeItems(Class<E> type) {
    String topic = type == EmailEvent.class ? Topics.EMAILS : Topics.CALENDARS;
    Map<String, E> items = new LinkedHashMap<>();
    for (PubsubMessage message : typed.get(topic).messages()) {
      E event = CODEC.decode(message.getData().toByteArray(), type);
      if (event.userId().equals(userId) && !BRIDGE.equals(event.metadata().sourceService())) {
        assertThat(event.payload())
            .as("the office's %s inline", event.providerItemId())
            .isNotNull();
        items.put(event.providerItemId(), event);
      }
    }
    return items;
  }

  private static List<Email> officeEmails() {
    return officeItems(EmailEvent.class).values().stream().map(EmailEvent::email).toList();
  }

  /** Every distinct message but the deleted one: what Vespa and contacts should hold. */
  private static List<Email> liveEmails() {
    Map<String, Email> live = new LinkedHashMap<>();
    officeEmails().forEach(e -> live.put(e.providerMessageId(), e));
    legacyOnly.forEach(e -> live.put(e.providerMessageId(), e));
    live.remove(deleted.providerMessageId());
    return List.copyOf(live.values());
  }

  /** The ids of the events the bridge published for the user on the typed topics. */
  private static Set<String> bridgedEventIds() {
    Set<String> ids = new HashSet<>();
    typed.forEach(
        (topic, collector) -> {
          EventType type = EventType.ofTopic(topic).orElseThrow();
          for (PubsubMessage message : collector.messages()) {
            DataEvent<?> event = (DataEvent<?>) CODEC.decode(message.getData().toByteArray(), type);
            if (event.userId().equals(userId) && BRIDGE.equals(event.metadata().sourceService())) {
              ids.add(event.metadata().eventId());
            }
          }
        });
    return ids;
  }

  /** Mail from the reference's older history: a person writing to the user, one per message. */
  private static List<Email> legacyOnlyEmails() {
    List<Email> emails = new ArrayList<>();
    Instant received = Instant.parse("2025-03-01T09:00:00Z");
    for (int i = 0; i < 3; i++) {
      String id = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
      emails.add(
          new Email(
              id,
              "thread-" + id,
              "From the reference's history " + i,
              "",
              "history-" + i + "@legacy.test",
              List.of(SystemAccounts.LEA),
              i == 0 ? List.of("colleague@legacy.test") : List.of(),
              List.of(),
              received.plusSeconds(3600L * i),
              received.plusSeconds(3600L * i),
              List.of("INBOX"),
              true,
              false,
              false,
              "google",
              id,
              1024L,
              "text/plain",
              Map.of(),
              Map.of()));
    }
    return emails;
  }

  /** A contact of the user's address book as the reference's ContactData writes it. */
  private static ObjectNode addressBookEntry(int i) {
    ObjectNode contact = TREE.createObjectNode();
    contact.put("id", "google_people_legacy" + i);
    contact.put("display_name", "Address Book " + i);
    contact.putArray("email_addresses").add("book-" + i + "@legacy.test");
    contact.put("provider", "google");
    contact.put("provider_contact_id", "people/legacy" + i + "-" + userId.hashCode());
    contact.put("last_modified", "2026-01-0" + (i + 1) + "T10:00:00+00:00");
    return contact;
  }

  private static Email withRead(Email email, boolean read) {
    return new Email(
        email.id(),
        email.threadId(),
        email.subject(),
        email.body(),
        email.fromAddress(),
        email.toAddresses(),
        email.ccAddresses(),
        email.bccAddresses(),
        email.receivedDate(),
        email.sentDate(),
        email.labels(),
        read,
        email.isStarred(),
        email.hasAttachments(),
        email.provider(),
        email.providerMessageId(),
        email.sizeBytes(),
        email.mimeType(),
        email.headers(),
        email.displayNames());
  }

  /**
   * Ids ({@code <provider>_<provider id>}) of the user's documents of {@code doctype} that are no
   * tombstone.
   */
  private static List<String> liveDocuments(String doctype) {
    String path =
        "/document/v1/officeflow/"
            + doctype
            + "/group/"
            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "?wantedDocumentCount=1000";
    HttpResponse<String> response = Http.get(system.vespa().url(path), null);
    if (response.statusCode() != 200) {
      return List.of();
    }
    // id:officeflow:<doctype>:g=<user>:<provider>_<provider id>, the provider id may hold colons.
    String group = ":g=" + userId + ":";
    return Http.json(response)
        .path("documents")
        .valueStream()
        .filter(d -> !d.path("fields").path("deleted").asBoolean())
        .map(d -> d.path("id").asString())
        .map(id -> id.substring(id.indexOf(group) + group.length()))
        .sorted()
        .toList();
  }

  /** The fields of one document of the user, tombstones included; null when there is none. */
  private static JsonNode document(String doctype, String docId) {
    String path =
        "/document/v1/officeflow/"
            + doctype
            + "/group/"
            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "/"
            + URLEncoder.encode(docId, StandardCharsets.UTF_8);
    HttpResponse<String> response = Http.get(system.vespa().url(path), null);
    return response.statusCode() == 200 ? Http.json(response).path("fields") : null;
  }

  /** What was dead-lettered of the user's messages: the subscription and the reason. */
  private static List<String> deadLettered() {
    List<String> out = new ArrayList<>();
    for (EmulatorPubSub.Collector collector : deadLetters) {
      for (PubsubMessage message : collector.messages()) {
        if (message.getData().toStringUtf8().contains(userId)) {
          out.add(
              message.getAttributesOrDefault(EventAttributes.ERROR_SUBSCRIPTION, "?")
                  + ": "
                  + message.getAttributesOrDefault(EventAttributes.ERROR_REASON, "?"));
        }
      }
    }
    return out;
  }

  private static EmulatorPubSub.Collector watch(SubscriptionSpec spec) {
    return pubsub.collect(system.prefix() + spec.deadLetterSubscription());
  }

  private static List<Integer> sorted(Stream<Integer> values) {
    return values.sorted().toList();
  }

  private static int single(String sql) throws SQLException {
    return integers(sql).stream().findFirst().orElse(0);
  }

  private static List<Integer> integers(String sql) throws SQLException {
    List<Integer> values = new ArrayList<>();
    query(sql, row -> values.add(row.getInt(1)));
    return values;
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    query(sql, row -> values.add(Objects.requireNonNull(row.getString(1))));
    return values;
  }

  private interface Row {
    void accept(ResultSet row) throws SQLException;
  }

  private static void query(String sql, Row each) throws SQLException {
    TestDatabase db = system.contactsDatabase();
    try (Connection connection =
            DriverManager.getConnection(
                db.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, userId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          each.accept(rows);
        }
      }
    }
  }
}
