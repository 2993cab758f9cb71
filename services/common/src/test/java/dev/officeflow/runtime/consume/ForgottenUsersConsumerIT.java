package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.UserEvent;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.forget.DatabaseForgottenUsers;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadSettings;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.trace.Tracing;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.testsupport.TestDatabase;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.OpenTelemetry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The runtime with the database record of forgotten users (services-common's own table and
 * migration on a fresh PostgreSQL database) against the real emulator and Redis.
 */
@IntegrationTest
class ForgottenUsersConsumerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static TestDatabase database;

  private final EventCodec codec = new EventCodec();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private EmulatorPubSub pubSub;
  private RedisClient redis;
  private RedisPayloadStore store;
  private PayloadPointers pointers;
  private EventPublisher publisher;
  private DatabaseForgottenUsers forgotten;
  private ConsumerRuntime runtime;

  @BeforeAll
  static void createDatabase() throws SQLException, IOException {
    database = Infrastructure.createDatabase("forgotten");
    try (Connection jdbc =
            DriverManager.getConnection(
                database.jdbcUrl(),
                Infrastructure.postgresUser(),
                Infrastructure.postgresPassword());
        InputStream migration =
            DatabaseForgottenUsers.class.getResourceAsStream(
                "/db/migration/R__officeflow_forgotten_users.sql")) {
      jdbc.createStatement().execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @BeforeEach
  void setUp() {
    pubSub = new EmulatorPubSub();
    redis = RedisClient.create(Infrastructure.redisUri());
    store = new RedisPayloadStore(redis);
    Tracing tracing = new Tracing(OpenTelemetry.noop());
    pointers = new PayloadPointers(store, codec, PayloadSettings.DEFAULTS);
    publisher = new EventPublisher(pubSub.publisher(), codec, pointers, tracing, "");
    forgotten = new DatabaseForgottenUsers(DatabaseClient.create(connections()));
    runtime =
        new ConsumerRuntime(
            pubSub.subscribers(2, 100),
            pubSub.publisher(),
            codec,
            pointers,
            tracing,
            new ConsumerSettings(Duration.ofSeconds(10)),
            (subscription, outcome) ->
                outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet(),
            forgotten);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    runtime.close();
    store.close();
    redis.shutdown();
    pubSub.close();
  }

  @Test
  void eventsOfAForgottenUserAreForgottenEvenWhenTheirPayloadIsGone() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    forgotten.forget("u-purged").block();
    EmailEvent large = EventFixtures.emailEvent("u-purged", "m-large");
    large = large.withPayload(large.email().withBody("b".repeat(200_000)));
    OfficeEvent travelling = pointers.offload(large).join();
    store.delete(((EmailEvent) travelling).payloadRef().key()).join();
    runtime.start(SubscriptionBinding.of(spec, List.of(handler)));

    publishRaw(spec.topic(), travelling);
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u-purged", "m-small")).join();
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u-kept", "m-kept")).join();

    await().atMost(PATIENCE).until(() -> count("forgotten") == 2 && handler.calls().size() == 1);
    assertThat(handler.calls().get(0).event().userId()).isEqualTo("u-kept");
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> deadLetters.messages().isEmpty() && count("retry") == 0);
    deadLetters.close();
  }

  @Test
  void theDeleteThatPurgesAForgottenUserStillReachesItsHandler() {
    SubscriptionSpec spec = isolated(Topics.USERS);
    RecordingHandler<UserEvent> purge = RecordingHandler.accepting(EventType.USER);
    forgotten.forget("u-redelivered").block();
    runtime.start(SubscriptionBinding.of(spec, List.of(purge)));

    publisher.publish(spec.topic(), EventFixtures.userEvent("u-redelivered")).join();

    await().atMost(PATIENCE).until(() -> purge.calls().size() == 1);
    assertThat(count("forgotten")).isZero();
  }

  @Test
  void aUserForgottenAfterTheirFirstEventLosesTheNextWithinSeconds() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(SubscriptionBinding.of(spec, List.of(handler)));
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u-later", "m1")).join();
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);

    // Recorded by "another instance": this one's negative answer is cached for seconds only.
    new DatabaseForgottenUsers(DatabaseClient.create(connections())).forget("u-later").block();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              publisher.publish(spec.topic(), EventFixtures.emailEvent("u-later", "m2")).join();
              assertThat(count("forgotten")).isPositive();
            });
  }

  private long count(String outcome) {
    AtomicLong n = outcomes.get(outcome);
    return n == null ? 0 : n.get();
  }

  private SubscriptionSpec isolated(String topic) {
    return pubSub.isolated(
        Catalog.subscriptions().stream()
            .filter(s -> s.topic().equals(topic))
            .findFirst()
            .orElseThrow());
  }

  private void publishRaw(String topic, OfficeEvent event) {
    pubSub
        .publisher()
        .publish(
            topic,
            com.google.pubsub.v1.PubsubMessage.newBuilder()
                .setData(com.google.protobuf.ByteString.copyFrom(codec.encode(event)))
                .putAllAttributes(EventAttributes.of(event, null))
                .build())
        .join();
  }

  private static ConnectionFactory connections() {
    return ConnectionFactories.get(
        ConnectionFactoryOptions.parse(database.r2dbcUrl())
            .mutate()
            .option(ConnectionFactoryOptions.USER, Infrastructure.postgresUser())
            .option(ConnectionFactoryOptions.PASSWORD, Infrastructure.postgresPassword())
            .build());
  }
}
