package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadSettings;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.CapturedLogs;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.trace.Tracing;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A dependency of the handler (a Redis server of the test's own, stopped and started again) is down
 * for longer than the subscription's five deliveries would last: the subscription pauses, holds its
 * messages without a single redelivery, and handles every one once the server is back.
 */
@IntegrationTest
class ConsumerOutageIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** Five deliveries, nacked, last about 10 s on the emulator: the outage outlasts them. */
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  private final EventCodec codec = new EventCodec();
  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Integer> handled = new ConcurrentHashMap<>();
  private Path dir;
  private int port;
  private Process server;
  private RedisClient dependencyClient;
  private StatefulRedisConnection<String, String> dependency;
  private EmulatorPubSub pubSub;
  private RedisClient redis;
  private RedisPayloadStore store;
  private EventPublisher publisher;
  private ConsumerRuntime runtime;

  @BeforeEach
  void setUp() throws IOException {
    dir = Files.createTempDirectory("outage-redis");
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    startDependency();
    dependencyClient =
        RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port).build());
    dependencyClient.setDefaultTimeout(Duration.ofSeconds(1));
    dependency = dependencyClient.connect();
    pubSub = new EmulatorPubSub();
    redis = RedisClient.create(Infrastructure.redisUri());
    store = new RedisPayloadStore(redis);
    Tracing tracing = new Tracing(OpenTelemetry.noop());
    PayloadPointers pointers = new PayloadPointers(store, codec, PayloadSettings.DEFAULTS);
    publisher = new EventPublisher(pubSub.publisher(), codec, pointers, tracing, "");
    runtime =
        new ConsumerRuntime(
            pubSub.subscribers(2, 100),
            pubSub.publisher(),
            codec,
            pointers,
            tracing,
            new ConsumerSettings(Duration.ofSeconds(5))
                .withOutageBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)),
            (subscription, outcome) ->
                outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    runtime.close();
    dependency.close();
    dependencyClient.shutdown();
    store.close();
    redis.shutdown();
    pubSub.close();
    server.destroy();
    server.waitFor();
  }

  @Test
  void anOutageLongerThanEveryDeliveryAttemptDeadLettersNothingAndLosesNothing() throws Exception {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());
    runtime.start(SubscriptionBinding.of(spec, List.of(new CountingHandler())));
    publish(spec.topic(), 0, 1);
    await().atMost(PATIENCE).until(() -> handled.size() == 1);

    try (CapturedLogs logs = CapturedLogs.of(OutageHold.class)) {
      stopDependency();
      publish(spec.topic(), 1, 21);
      await().atMost(PATIENCE).until(() -> runtime.pausedByOutage() == 1);
      await()
          .during(OUTAGE)
          .atMost(OUTAGE.plusSeconds(10))
          .until(() -> deadLetters.messages().isEmpty() && handled.size() == 1);
      startDependency();

      await().atMost(PATIENCE).until(() -> handled.size() == 21);
      assertThat(runtime.pausedByOutage()).isZero();
      assertThat(handled.values()).as("delivery attempts: never nacked").containsOnly(1);
      assertThat(count("unavailable")).isPositive();
      assertThat(count("retry")).isZero();
      assertThat(logs.events())
          .extracting(e -> e.getFormattedMessage())
          .anySatisfy(line -> assertThat(line).startsWith("pausing " + spec.name() + ": "))
          .anySatisfy(line -> assertThat(line).startsWith("resuming " + spec.name() + " after "));
    }
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> deadLetters.messages().isEmpty());
    deadLetters.close();
  }

  /** Reads the dependency for each email; a Redis failure travels to the runtime as an error. */
  private final class CountingHandler implements EventHandler<EmailEvent> {

    @Override
    public EventType type() {
      return EventType.EMAIL;
    }

    @Override
    public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
      return Mono.fromCompletionStage(() -> dependency.async().get(event.providerItemId()))
          .then(
              Mono.fromSupplier(
                  () -> {
                    handled.merge(event.providerItemId(), delivery.deliveryAttempt(), Math::max);
                    return Outcome.done();
                  }));
    }
  }

  private void startDependency() throws IOException {
    server =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisClient probe =
        RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port).build());
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> probe.connect().sync().ping().equals("PONG"));
    } finally {
      probe.shutdown();
    }
  }

  private void stopDependency() throws InterruptedException {
    server.destroy();
    server.waitFor();
  }

  private long count(String outcome) {
    AtomicLong n = outcomes.get(outcome);
    return n == null ? 0 : n.get();
  }

  private void publish(String topic, int from, int to) {
    IntStream.range(from, to)
        .mapToObj(i -> publisher.publish(topic, EventFixtures.emailEvent("u-outage", "m" + i)))
        .toList()
        .forEach(java.util.concurrent.CompletableFuture::join);
  }

  private SubscriptionSpec isolated(String topic) {
    return pubSub.isolated(
        Catalog.subscriptions().stream()
            .filter(s -> s.topic().equals(topic))
            .findFirst()
            .orElseThrow());
  }
}
