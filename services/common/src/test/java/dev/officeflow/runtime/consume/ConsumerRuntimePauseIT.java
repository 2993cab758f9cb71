package dev.officeflow.runtime.consume;

import static com.google.api.core.ApiService.State.NEW;
import static com.google.api.core.ApiService.State.RUNNING;
import static com.google.api.core.ApiService.State.STOPPING;
import static com.google.api.core.ApiService.State.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.api.core.ApiService;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.SubscriptionSpec;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.consume.ConsumerStatus.State;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadSettings;
import dev.officeflow.runtime.payload.RedisPayloadStore;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.trace.Tracing;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Pausing and resuming the runtime's consumers against the real Pub/Sub emulator. */
@IntegrationTest
class ConsumerRuntimePauseIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /**
   * How long a paused runtime is watched for a delivery that must not come. An empty stretch proves
   * little on its own; the resumed delivery's attempt number (1) is the stronger evidence.
   */
  private static final Duration QUIET = Duration.ofSeconds(2);

  private final EventCodec codec = new EventCodec();
  private final Tracing tracing = new Tracing(OpenTelemetry.noop());
  private PayloadPointers pointers;
  private EmulatorPubSub pubSub;
  private RedisClient redis;
  private RedisPayloadStore store;
  private EventPublisher publisher;
  private ConsumerRuntime runtime;

  @BeforeEach
  void setUp() {
    pubSub = new EmulatorPubSub();
    redis = RedisClient.create(Infrastructure.redisUri());
    store = new RedisPayloadStore(redis);
    pointers = new PayloadPointers(store, codec, PayloadSettings.DEFAULTS);
    publisher = new EventPublisher(pubSub.publisher(), codec, pointers, tracing, "");
    runtime = newRuntime(Duration.ofSeconds(10));
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    runtime.close();
    store.close();
    redis.shutdown();
    pubSub.close();
  }

  @Test
  void aMessagePublishedWhilePausedArrivesOnceAfterResume() {
    SubscriptionSpec spec = isolated();
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(binding(spec, handler));

    assertThat(runtime.pause()).isEqualTo(State.PAUSED);
    assertThat(subscribers()).containsExactly(TERMINATED);
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u", "m-held")).join();
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> handler.calls().isEmpty());

    assertThat(runtime.resume()).isEqualTo(State.RUNNING);
    assertThat(subscribers()).containsExactly(RUNNING);
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
    assertThat(handler.calls().get(0).event().providerItemId()).isEqualTo("m-held");
    assertThat(handler.calls().get(0).delivery().deliveryAttempt()).isEqualTo(1);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> handler.calls().size() == 1);
  }

  @Test
  void pausingWaitsForTheMessagesInFlightAndLosesNone() {
    SubscriptionSpec spec = isolated();
    Sinks.Empty<Void> gate = Sinks.empty();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    runtime.start(binding(spec, gatedHandler(gate, handled)));
    publishEmails(spec.topic(), 0, 100);
    await().atMost(PATIENCE).until(() -> runtime.inFlight() == 100);

    CompletableFuture<State> pausing = CompletableFuture.supplyAsync(runtime::pause);
    await().atMost(PATIENCE).until(() -> subscribers().equals(List.of(STOPPING)));
    assertThat(runtime.state()).isEqualTo(State.PAUSED);
    gate.tryEmitEmpty();

    assertThat(pausing.join()).isEqualTo(State.PAUSED);
    assertThat(runtime.status().subscriptions())
        .singleElement()
        .satisfies(s -> assertThat(s.subscriber()).isEqualTo(TERMINATED))
        .satisfies(s -> assertThat(s.inFlight()).isZero());
    assertThat(handled).hasSize(100);
    // Published only now: while a subscriber drains, its streams not yet closed still deliver.
    publishEmails(spec.topic(), 100, 200);
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> handled.size() == 100);
    runtime.resume();
    await().atMost(PATIENCE).until(() -> handled.size() == 200);
  }

  @Test
  void aPauseThatOutlastsTheShutdownTimeoutReturnsAndLosesNothing() {
    runtime.close();
    runtime = newRuntime(Duration.ofSeconds(1));
    SubscriptionSpec spec = isolated();
    Sinks.Empty<Void> gate = Sinks.empty();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    runtime.start(binding(spec, gatedHandler(gate, handled)));
    publishEmails(spec.topic(), 0, 100);
    await().atMost(PATIENCE).until(() -> runtime.inFlight() == 100);

    assertThat(runtime.pause()).isEqualTo(State.PAUSED);
    assertThat(subscribers()).containsExactly(STOPPING);
    publishEmails(spec.topic(), 100, 200);
    runtime.resume();
    assertThat(subscribers()).containsExactly(RUNNING);
    gate.tryEmitEmpty();

    await().atMost(PATIENCE).until(() -> handled.size() == 200);
  }

  @Test
  void pausingTwiceAndResumingTwiceAreEachOneChange() {
    SubscriptionSpec spec = isolated();
    runtime.start(binding(spec, RecordingHandler.accepting(EventType.EMAIL)));

    assertThat(runtime.pause()).isEqualTo(State.PAUSED);
    assertThat(runtime.pause()).isEqualTo(State.PAUSED);
    assertThat(runtime.status().state()).isEqualTo(State.PAUSED);
    assertThat(subscribers()).containsExactly(TERMINATED);
    assertThat(runtime.resume()).isEqualTo(State.RUNNING);
    assertThat(runtime.resume()).isEqualTo(State.RUNNING);
    assertThat(subscribers()).containsExactly(RUNNING);
  }

  @Test
  void aSubscriptionBoundWhilePausedStartsOnResume() {
    SubscriptionSpec spec = isolated();
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.pause();

    runtime.start(binding(spec, handler));
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u", "m-bound-paused")).join();

    assertThat(subscribers()).containsExactly(NEW);
    runtime.resume();
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
  }

  @Test
  void stopAfterPauseForgetsTheSubscriptionsAndThePause() {
    SubscriptionSpec spec = isolated();
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(binding(spec, handler));
    runtime.pause();

    runtime.stop();

    assertThat(runtime.status()).isEqualTo(new ConsumerStatus(State.RUNNING, List.of()));
    runtime.start(binding(spec, handler));
    publisher.publish(spec.topic(), EventFixtures.emailEvent("u", "m-after-stop")).join();
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
  }

  @Test
  void concurrentPausesAndResumesLeaveTheSubscribersMatchingTheState() throws Exception {
    runtime.start(binding(isolated(), RecordingHandler.accepting(EventType.EMAIL)));
    runtime.start(binding(isolated(), RecordingHandler.accepting(EventType.EMAIL)));
    int threads = 4;
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> done =
          IntStream.range(0, threads).mapToObj(i -> pool.submit(toggler(i, together))).toList();
      for (Future<Void> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    ConsumerStatus status = runtime.status();
    ApiService.State expected = status.state() == State.PAUSED ? TERMINATED : RUNNING;
    assertThat(status.subscriptions()).extracting(SubscriptionStatus::subscriber).hasSize(2);
    assertThat(subscribers()).containsOnly(expected);
  }

  /** Three alternating pauses and resumes, starting with a pause on every other thread. */
  private Callable<Void> toggler(int thread, CyclicBarrier together) {
    return () -> {
      together.await();
      for (int round = 0; round < 3; round++) {
        if ((thread + round) % 2 == 0) {
          runtime.pause();
        } else {
          runtime.resume();
        }
      }
      return null;
    };
  }

  private ConsumerRuntime newRuntime(Duration shutdownTimeout) {
    return new ConsumerRuntime(
        pubSub.subscribers(4, 1000),
        pubSub.publisher(),
        codec,
        pointers,
        tracing,
        new ConsumerSettings(shutdownTimeout));
  }

  private List<ApiService.State> subscribers() {
    return runtime.status().subscriptions().stream().map(SubscriptionStatus::subscriber).toList();
  }

  /** Holds every message until {@code gate} opens. */
  private static EventHandler<EmailEvent> gatedHandler(
      Sinks.Empty<Void> gate, Set<String> handled) {
    return new EventHandler<>() {
      @Override
      public EventType type() {
        return EventType.EMAIL;
      }

      @Override
      public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
        return gate.asMono()
            .then(Mono.fromRunnable(() -> handled.add(event.providerItemId())))
            .thenReturn(Outcome.done());
      }
    };
  }

  private void publishEmails(String topic, int from, int to) {
    List<CompletableFuture<String>> published =
        IntStream.range(from, to)
            .mapToObj(i -> publisher.publish(topic, EventFixtures.emailEvent("u", "m" + i)))
            .toList();
    CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
  }

  private SubscriptionSpec isolated() {
    return pubSub.isolated(
        Catalog.subscriptions().stream()
            .filter(s -> s.topic().equals(Topics.EMAILS))
            .findFirst()
            .orElseThrow());
  }

  private static SubscriptionBinding binding(SubscriptionSpec spec, EventHandler<?> handler) {
    return SubscriptionBinding.of(spec, List.of(handler));
  }
}
