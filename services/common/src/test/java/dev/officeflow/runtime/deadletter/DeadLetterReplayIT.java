package dev.officeflow.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.deadletter.DeadLetter;
import dev.officeflow.runtime.consume.ConsumerRuntime;
import dev.officeflow.runtime.consume.ConsumerSettings;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.consume.SubscriptionBinding;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadSettings;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.trace.Tracing;
import dev.officeflow.setuppubsub.Main;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.OpenTelemetry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A message the consumer runtime dead-lettered while its handler was broken reaches the handler
 * again through {@code setup-pubsub dead-letters replay}, and this time it is done.
 */
@IntegrationTest
class DeadLetterReplayIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final EventCodec codec = new EventCodec();
  private final Tracing tracing = new Tracing(OpenTelemetry.noop());
  private EmulatorPubSub pubSub;
  private RedisClient redis;
  private RedisPayloadStore store;
  private ConsumerRuntime runtime;
  private EventPublisher publisher;

  @BeforeEach
  void setUp() {
    pubSub = new EmulatorPubSub();
    redis = RedisClient.create(Infrastructure.redisUri());
    store = new RedisPayloadStore(redis);
    PayloadPointers pointers = new PayloadPointers(store, codec, PayloadSettings.DEFAULTS);
    publisher = new EventPublisher(pubSub.publisher(), codec, pointers, tracing, "");
    runtime =
        new ConsumerRuntime(
            pubSub.subscribers(1, 100),
            pubSub.publisher(),
            codec,
            pointers,
            tracing,
            new ConsumerSettings(Duration.ofSeconds(10)));
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    runtime.close();
    store.close();
    redis.shutdown();
    pubSub.close();
  }

  @Test
  void aReplayedDeadLetterReachesTheFixedHandlerWithItsReplayCount() {
    String prefix = IsolatedCatalog.apply();
    SubscriptionSpec catalog = Catalog.subscription(Catalog.VESPA_LOADER, Topics.EMAILS);
    SubscriptionSpec spec = catalog.renamed(prefix + catalog.name(), prefix + catalog.topic());
    AtomicBoolean broken = new AtomicBoolean(true);
    RecordingHandler<EmailEvent> handler =
        new RecordingHandler<>(
            EventType.EMAIL,
            (event, delivery) ->
                broken.get()
                    ? Outcome.deadLetter("invalid: the handler had a bug")
                    : Outcome.done());
    runtime.start(SubscriptionBinding.of(spec, List.of(handler), EventType.EMAIL));
    EmailEvent event = EventFixtures.emailEvent("u-replay", "m-replay");
    DeadLetterQueues queues = new DeadLetterQueues(pubSub);

    publisher.publish(spec.topic(), event).join();
    await().atMost(PATIENCE).until(() -> queues.peek(spec.deadLetterSubscription()).size() == 1);
    broken.set(false);
    String replay =
        setupPubSub(
            "dead-letters",
            "replay",
            catalog.deadLetterSubscription(),
            "--emulator",
            Infrastructure.pubsubEmulatorHost(),
            "--project",
            Infrastructure.pubsubProjectId(),
            "--prefix",
            prefix);

    assertThat(replay).contains("replayed 1 of " + spec.deadLetterSubscription());
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 2);
    RecordingHandler.Call<EmailEvent> second = handler.calls().get(1);
    assertThat(second.event().metadata().eventId()).isEqualTo(event.metadata().eventId());
    assertThat(second.delivery().attributes()).containsEntry(DeadLetter.REPLAY_COUNT, "1");
    assertThat(queues.peek(spec.deadLetterSubscription())).isEmpty();
  }

  private static String setupPubSub(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit = Main.run(args, Map.of(), out, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    return text;
  }
}
