package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.EventType;
import dev.officeflow.events.IntegrationEvent;
import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.events.Operation;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.reference.ReferenceExamples;
import dev.officeflow.events.reference.ReferenceExamples.ReferenceExample;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, acceptance 2: events a reference producer writes (the common-events test-jar's {@link
 * ReferenceExamples}: reminders, attachments, recurrence, organizations, phone numbers, addresses,
 * photos, birthdays, headers and labels filled; providers named {@code gmail}, {@code outlook}),
 * published without attributes as the reference publishes them, are indexed by vespa-loader,
 * counted by contacts, and none is dead-lettered.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class ReferenceShapedEventsSystemIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final EventCodec CODEC = new EventCodec();

  /** Distinct people other than the user that contacts must count, per example. */
  private static final Map<String, Integer> PARTICIPANTS =
      Map.of("email-gmail-sent", 4, "email-outlook-received", 3, "calendar-outlook-series", 3);

  /** Everyone in the mail and the meeting but the user. */
  private static final int CONTACTS = 5;

  private static OfficeflowSystem system;
  private static EmulatorPubSub pubsub;
  private static List<EmulatorPubSub.Collector> deadLetters;
  private static String userId;
  private static List<ReferenceExample> examples;

  @BeforeAll
  static void publishTheExamples(OfficeflowSystem running) throws Exception {
    system = running;
    pubsub = new EmulatorPubSub();
    deadLetters =
        Catalog.subscriptions().stream().map(ReferenceShapedEventsSystemIT::watch).toList();
    userId = "ref-" + UUID.randomUUID();
    examples = ReferenceExamples.forUser(userId, "-" + userId.substring(4, 12));
    // The reference says nothing of the user's own address; contacts learns it from the
    // integration event, as it would for a connected account.
    announceOwnAddress();
    await().atMost(PATIENCE).until(() -> ownAddresses() > 0);
    for (ReferenceExample example : examples) {
      publish(example.type().topic(), example.bytes(), Map.of());
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    deadLetters.forEach(EmulatorPubSub.Collector::close);
    pubsub.close();
  }

  @Test
  void vespaLoaderIndexesEveryExample() {
    patiently().untilAsserted(ReferenceShapedEventsSystemIT::everyExampleIndexed);

    JsonNode contact = indexed(example("contact-google"));
    assertThat(contact.path("phone_numbers").valueStream().map(JsonNode::asString))
        .containsExactly("+44 20 7946 0018", "+44 7700 900123");
    assertThat(contact.path("organizations").valueStream().map(JsonNode::asString))
        .containsExactly("Northwind Traders");
    JsonNode series = indexed(example("calendar-outlook-series"));
    assertThat(series.path("recurrence").valueStream().map(JsonNode::asString))
        .contains("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8");
    assertThat(series.path("provider").asString()).isEqualTo("microsoft");
  }

  @Test
  void contactsCountsEveryoneInTheMailAndTheMeetingButTheUser() {
    Map<String, Integer> expected = new HashMap<>();
    PARTICIPANTS.forEach((name, people) -> expected.put(itemId(example(name)), people));

    patiently().untilAsserted(() -> assertThat(participantsPerItem()).isEqualTo(expected));
    patiently().untilAsserted(() -> assertThat(contacts()).isEqualTo(CONTACTS));
  }

  @Test
  void noneIsDeadLettered() {
    // Settled first: indexed everywhere and counted, so every subscription has had its say.
    patiently()
        .untilAsserted(
            () -> {
              everyExampleIndexed();
              assertThat(participantsPerItem()).hasSize(PARTICIPANTS.size());
            });

    assertThat(deadLettered()).isEmpty();
  }

  /**
   * Waits for a consumer's work, failing at once with the reasons when anything of the user's is
   * dead-lettered meanwhile.
   */
  private static ConditionFactory patiently() {
    return await()
        .atMost(PATIENCE)
        .failFast("dead-lettered", () -> assertThat(deadLettered()).isEmpty());
  }

  private static void everyExampleIndexed() {
    assertThat(examples).allSatisfy(e -> assertThat(indexed(e)).as(e.name()).isNotNull());
  }

  /** What was dead-lettered of the user's messages: the subscription and the reason. */
  private static List<String> deadLettered() {
    List<String> deadLettered = new ArrayList<>();
    for (EmulatorPubSub.Collector collector : deadLetters) {
      for (PubsubMessage message : collector.messages()) {
        if (message.getData().toStringUtf8().contains(userId)) {
          deadLettered.add(
              message.getAttributesOrDefault(EventAttributes.ERROR_SUBSCRIPTION, "?")
                  + ": "
                  + message.getAttributesOrDefault(EventAttributes.ERROR_REASON, "?"));
        }
      }
    }
    return deadLettered;
  }

  /** Collects the dead-letter subscription of {@code spec} under the run's prefix. */
  private static EmulatorPubSub.Collector watch(SubscriptionSpec spec) {
    return pubsub.collect(system.prefix() + spec.deadLetterSubscription());
  }

  private static void announceOwnAddress() throws Exception {
    Instant now = Instant.now();
    IntegrationEvent announced =
        new IntegrationEvent(
            EventMetadata.create("user", "system-test", userId, Clock.systemUTC()),
            userId,
            Operation.UPDATE,
            null,
            now,
            now,
            "google",
            "int-" + userId,
            IntegrationStatus.ACTIVE,
            ReferenceExamples.OWN_ADDRESS,
            List.of(),
            null);
    publish(Topics.INTEGRATIONS, CODEC.encode(announced), EventAttributes.of(announced, null));
  }

  private static void publish(String topic, byte[] data, Map<String, String> attributes)
      throws InterruptedException, ExecutionException, TimeoutException {
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(data))
            .putAllAttributes(attributes)
            .build();
    pubsub.publisher().publish(system.prefix() + topic, message).get(30, TimeUnit.SECONDS);
  }

  private static ReferenceExample example(String name) {
    return examples.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  /** The example's document in vespa-sim, its fields; null while it is not there. */
  private static JsonNode indexed(ReferenceExample example) {
    DataEvent<?> event = (DataEvent<?>) CODEC.decode(example.bytes(), example.type());
    String docId = event.provider() + "_" + event.providerItemId();
    String path =
        "/document/v1/officeflow/"
            + EventType.of(event).docType()
            + "/group/"
            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
            + "/"
            + URLEncoder.encode(docId, StandardCharsets.UTF_8);
    HttpResponse<String> response = Http.get(system.vespa().url(path), null);
    return response.statusCode() == 200 ? Http.json(response).path("fields") : null;
  }

  /**
   * The key contacts stores the example's item under: Google's id bare, any other provider's
   * prefixed with its name (ARCHITECTURE §5).
   */
  private static String itemId(ReferenceExample example) {
    DataEvent<?> event = (DataEvent<?>) CODEC.decode(example.bytes(), example.type());
    return "google".equals(event.provider())
        ? event.providerItemId()
        : event.provider() + ":" + event.providerItemId();
  }

  /** Distinct participants contacts recorded per item of the user. */
  private static Map<String, Integer> participantsPerItem() throws SQLException {
    Map<String, Integer> items = new HashMap<>();
    query(
        "SELECT item_id, count(DISTINCT participant) FROM interactions WHERE user_id = ?"
            + " GROUP BY item_id",
        row -> items.put(row.getString(1), row.getInt(2)));
    return items;
  }

  private static int contacts() throws SQLException {
    return single("SELECT count(*) FROM contacts WHERE user_id = ?");
  }

  private static int ownAddresses() throws SQLException {
    return single("SELECT count(*) FROM own_addresses WHERE user_id = ?");
  }

  private static int single(String sql) throws SQLException {
    int[] value = {0};
    query(sql, row -> value[0] = row.getInt(1));
    return value[0];
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
