package dev.officeflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20's acceptance: a user deleted while thousands of their events are still queued, more keep
 * arriving and their backfill is in flight ends with nothing of theirs anywhere once everything has
 * drained (ARCHITECTURE §2 flow 6, §5 "Delivery"), and the late events are counted as {@code
 * forgotten}, never dead-lettered.
 */
@IntegrationTest
@ExtendWith(SharedSystem.class)
class DeletedWhileArrivingSystemIT {

  private static final EventCodec CODEC = new EventCodec();
  private static final int QUEUED = 2_000;
  private static final int LATE = 200;
  private static final Pattern FORGOTTEN =
      Pattern.compile(
          "officeflow_consumer_messages_total\\{[^}]*outcome=\"forgotten\"[^}]*} (\\S+)");

  @Test
  void nothingOfADeletedUserSurvivesTheirQueuedAndLateEvents(OfficeflowSystem system)
      throws Exception {
    String email = "drained@system.test";
    HttpResponse<String> account =
        Http.postJson(
            system.google().url("/sim/accounts"),
            Map.of(
                "email", email,
                "seed", 47,
                "recentMessages", 1_500,
                "olderMessages", 0,
                "events", 40,
                "olderEvents", 0),
            null);
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
    SystemClient client = new SystemClient(system);
    String userId = client.connect(email);
    String jwt = client.session(email).path("access_token").asString();

    try (EmulatorPubSub pubsub = new EmulatorPubSub()) {
      List<EmulatorPubSub.Collector> deadLetters =
          Catalog.subscriptions().stream()
              .map(spec -> pubsub.collect(system.prefix() + spec.deadLetterSubscription()))
              .toList();
      await("the backfill in flight")
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  client.jobs(userId).stream()
                      .anyMatch(j -> j.path("progress").path("published").asLong() > 0));
      double forgottenBefore = forgotten(system);

      publish(pubsub, system, userId, "queued-", QUEUED);
      HttpResponse<String> deleted = Http.call("DELETE", system.user().url("/v1/me"), null, jwt);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
      publish(pubsub, system, userId, "late-", LATE);

      await("everything of the user gone")
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                assertThat(contactsRows(system, userId)).as("contacts rows").isZero();
                assertThat(vespaDocuments(system, userId)).as("Vespa documents").isZero();
                assertThat(client.jobs(userId)).as("office jobs").isEmpty();
                assertThat(officeKeys(userId)).as("office:{user}:* keys").isEmpty();
                JsonStreaming live = streaming(system, email);
                assertThat(live.watch()).as("gmail watch").isFalse();
                assertThat(live.channels()).as("calendar channels").isZero();
              });
      assertThat(forgotten(system) - forgottenBefore)
          .as("late events settled as forgotten")
          .isPositive();
      assertThat(deadLettered(deadLetters, userId)).as("the user's dead letters").isEmpty();
      deadLetters.forEach(EmulatorPubSub.Collector::close);
    }
  }

  private static void publish(
      EmulatorPubSub pubsub, OfficeflowSystem system, String userId, String prefix, int count)
      throws Exception {
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OfficeEvent event =
          i % 10 == 0
              ? EventFixtures.calendarEvent(userId, prefix + i)
              : EventFixtures.emailEvent(userId, prefix + i);
      String topic = i % 10 == 0 ? Topics.CALENDARS : Topics.EMAILS;
      PubsubMessage message =
          PubsubMessage.newBuilder()
              .setData(ByteString.copyFrom(CODEC.encode(event)))
              .putAllAttributes(EventAttributes.of(event, null))
              .build();
      sent.add(pubsub.publisher().publish(system.prefix() + topic, message));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }

  /** Rows of the user in every contacts table but the forgotten-users record. */
  private static long contactsRows(OfficeflowSystem system, String userId) throws SQLException {
    TestDatabase db = system.contactsDatabase();
    long rows = 0;
    try (Connection connection =
        DriverManager.getConnection(
            db.jdbcUrl(), Infrastructure.postgresUser(), Infrastructure.postgresPassword())) {
      List<String> tables = new ArrayList<>();
      try (ResultSet found =
          connection
              .createStatement()
              .executeQuery(
                  "SELECT table_name FROM information_schema.columns WHERE table_schema ="
                      + " 'public' AND column_name = 'user_id' AND table_name <>"
                      + " 'forgotten_users'")) {
        while (found.next()) {
          tables.add(found.getString(1));
        }
      }
      assertThat(tables).contains("contacts", "interactions", "own_addresses");
      for (String table : tables) {
        try (var statement =
            connection.prepareStatement(
                "SELECT count(*) FROM \"" + table + "\" WHERE user_id::text = ?")) {
          statement.setString(1, userId);
          try (ResultSet count = statement.executeQuery()) {
            count.next();
            rows += count.getLong(1);
          }
        }
      }
    }
    return rows;
  }

  /** The user's documents of every type in vespa-sim, tombstones included. */
  private static long vespaDocuments(OfficeflowSystem system, String userId) {
    long documents = 0;
    for (String doctype : List.of("email", "calendar_event", "contact")) {
      String continuation = "";
      do {
        HttpResponse<String> page =
            Http.get(
                system
                    .vespa()
                    .url(
                        "/document/v1/officeflow/"
                            + doctype
                            + "/group/"
                            + URLEncoder.encode(userId, StandardCharsets.UTF_8)
                            + "/?wantedDocumentCount=1024"
                            + (continuation.isEmpty() ? "" : "&continuation=" + continuation)),
                null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        documents += Http.json(page).path("documents").size();
        continuation = Http.json(page).path("continuation").asString("");
      } while (!continuation.isEmpty());
    }
    return documents;
  }

  private static List<String> officeKeys(String userId) {
    RedisClient redis = RedisClient.create(Infrastructure.redisUri());
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      return connection.sync().keys("office:" + userId + ":*");
    } finally {
      redis.shutdown();
    }
  }

  private record JsonStreaming(boolean watch, int channels) {}

  private static JsonStreaming streaming(OfficeflowSystem system, String email) {
    HttpResponse<String> state =
        Http.get(system.google().url("/sim/accounts/" + email + "/streaming"), null);
    if (state.statusCode() == 404) {
      return new JsonStreaming(false, 0);
    }
    assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
    return new JsonStreaming(
        Http.json(state).path("gmailWatch").asBoolean(),
        Http.json(state).path("calendarChannels").asInt());
  }

  /** Every consumer's forgotten deliveries so far, summed over their subscriptions. */
  private static double forgotten(OfficeflowSystem system) {
    double total = 0;
    for (AppProcess service : List.of(system.contacts(), system.vespaLoader())) {
      HttpResponse<String> metrics = Http.get(service.url("/actuator/prometheus"), null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      Matcher value = FORGOTTEN.matcher(metrics.body());
      while (value.find()) {
        total += Double.parseDouble(value.group(1));
      }
    }
    return total;
  }

  private static List<String> deadLettered(List<EmulatorPubSub.Collector> collectors, String user) {
    List<String> found = new ArrayList<>();
    for (EmulatorPubSub.Collector collector : collectors) {
      for (PubsubMessage message : collector.messages()) {
        if (message.getData().toStringUtf8().contains(user)) {
          found.add(
              message.getAttributesOrDefault(EventAttributes.ERROR_SUBSCRIPTION, "?")
                  + ": "
                  + message.getAttributesOrDefault(EventAttributes.ERROR_REASON, "?"));
        }
      }
    }
    return found;
  }
}
