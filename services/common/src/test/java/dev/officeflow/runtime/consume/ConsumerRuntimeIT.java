package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
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
import dev.officeflow.runtime.testing.FinishedSpans;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.testing.RecordingTelemetry;
import dev.officeflow.runtime.trace.Tracing;
import dev.officeflow.testsupport.Infrastructure;
import dev.officeflow.testsupport.IntegrationTest;
import io.lettuce.core.RedisClient;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/** The runtime against the real Pub/Sub emulator and Redis. */
@IntegrationTest
class ConsumerRuntimeIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String HANDLER_LOG = "dev.officeflow.runtime.consume.it.handler";

  private final FinishedSpans spans = new FinishedSpans();
  private final OpenTelemetrySdk otel = RecordingTelemetry.into(spans);
  private final EventCodec codec = new EventCodec();
  private EmulatorPubSub pubSub;
  private RedisClient redis;
  private RedisPayloadStore store;
  private Tracing tracing;
  private PayloadPointers pointers;
  private EventPublisher publisher;
  private ConsumerRuntime runtime;

  @BeforeEach
  void setUp() {
    pubSub = new EmulatorPubSub();
    redis = RedisClient.create(Infrastructure.redisUri());
    store = new RedisPayloadStore(redis);
    tracing = new Tracing(otel);
    pointers = new PayloadPointers(store, codec, PayloadSettings.DEFAULTS);
    publisher = new EventPublisher(pubSub.publisher(), codec, pointers, tracing, "");
    runtime = newRuntime();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    runtime.close();
    store.close();
    redis.shutdown();
    pubSub.close();
    otel.close();
  }

  @Test
  void everyEventTypeArrivesWhole() {
    for (OfficeEvent event : EventFixtures.oneOfEach("user-rt")) {
      EventType type = EventType.of(event);
      SubscriptionSpec spec = isolated(type.topic());
      RecordingHandler<OfficeEvent> handler = RecordingHandler.accepting(type);
      runtime.start(SubscriptionBinding.of(spec, List.of(handler), type));

      publisher.publish(spec.topic(), event).join();

      await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
      OfficeEvent received = handler.calls().get(0).event();
      assertThat(received).isEqualTo(event.withMetadata(received.metadata()));
      assertThat(received.metadata().eventId()).isEqualTo(event.metadata().eventId());
      assertThat(handler.calls().get(0).delivery().attributes())
          .containsEntry(EventAttributes.TYPE, type.ceType())
          .containsEntry(EventAttributes.ID, event.metadata().eventId())
          .containsEntry(EventAttributes.SUBJECT, "user-rt")
          .containsEntry(EventAttributes.OPERATION, event.operation().wire())
          .containsKey(EventAttributes.TRACEPARENT);
    }
  }

  @Test
  void retryableFailureIsDeliveredAgain() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    AtomicInteger attempts = new AtomicInteger();
    RecordingHandler<EmailEvent> handler =
        new RecordingHandler<>(
            EventType.EMAIL,
            (event, delivery) ->
                attempts.incrementAndGet() == 1 ? Outcome.retry("store down") : Outcome.done());
    runtime.start(binding(spec, handler));

    publisher.publish(spec.topic(), EventFixtures.emailEvent("user-rt", "m-retry")).join();

    await().atMost(PATIENCE).until(() -> handler.calls().size() == 2);
    assertThat(handler.calls().get(1).delivery().deliveryAttempt()).isEqualTo(2);
  }

  @Test
  void poisonMessagesAreDeadLetteredWithReasonsWhileGoodOnesFlow() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(SubscriptionBinding.of(spec, List.of(handler), EventType.EMAIL));
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());

    publishRaw(spec.topic(), "not json at all", Map.of("ce-type", EventType.EMAIL.ceType()));
    publishRaw(spec.topic(), "{}", Map.of("ce-type", "com.example.unknown.v1"));
    publishRaw(spec.topic(), invalidEmailJson(), Map.of());
    publisher.publish(spec.topic(), EventFixtures.emailEvent("user-rt", "m-good")).join();

    await().atMost(PATIENCE).until(() -> deadLetters.messages().size() == 3);
    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
    assertThat(deadLetters.messages())
        .extracting(m -> m.getAttributesOrThrow(EventAttributes.ERROR_CLASS))
        .containsExactlyInAnyOrder("invalid", "unknown_type", "invalid");
    assertThat(deadLetters.messages())
        .extracting(m -> m.getAttributesOrThrow(EventAttributes.ERROR_REASON))
        .anySatisfy(r -> assertThat(r).startsWith("invalid: not JSON"))
        .anySatisfy(r -> assertThat(r).isEqualTo("invalid: email.received_date: missing"));
    assertThat(deadLetters.messages())
        .allSatisfy(
            m -> assertThat(m.getAttributesOrThrow("error_subscription")).isEqualTo(spec.name()));
    assertThat(handler.calls().get(0).event().providerItemId()).isEqualTo("m-good");
    deadLetters.close();
  }

  @Test
  void nineMegabyteBodiesAreRefusedAsTooLargeWhileGoodOnesFlow() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(SubscriptionBinding.of(spec, List.of(handler), EventType.EMAIL));
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());
    byte[] huge = new byte[9 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) '[');

    for (int i = 0; i < 5; i++) {
      publishRaw(spec.topic(), huge, Map.of("ce-type", EventType.EMAIL.ceType()));
    }
    publisher.publish(spec.topic(), EventFixtures.emailEvent("user-rt", "m-after-huge")).join();

    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
    await().atMost(PATIENCE).until(() -> deadLetters.messages().size() == 5);
    assertThat(deadLetters.messages())
        .extracting(m -> m.getAttributesOrThrow(EventAttributes.ERROR_REASON))
        .containsOnly("too_large: " + huge.length + " bytes");
    assertThat(deadLetters.messages())
        .extracting(m -> m.getAttributesOrThrow("error_delivery_attempt"))
        .as("refused on the first delivery, never retried")
        .containsOnly("1");
    deadLetters.close();
  }

  @Test
  void oneMegabytePayloadGoesByPointerAndArrivesWhole() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    runtime.start(binding(spec, handler));
    EmailEvent large = withBody(EventFixtures.emailEvent("user-rt", "m-large"), 1024 * 1024);

    publisher.publish(spec.topic(), large).join();

    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
    RecordingHandler.Call<EmailEvent> call = handler.calls().get(0);
    assertThat(call.event().email().body()).isEqualTo(large.email().body());
    assertThat(call.event().payloadRef()).isNull();
    assertThat(call.delivery().attributes().get(EventAttributes.DATAREF))
        .startsWith("redis:office:user-rt:email:m-large:");
  }

  @Test
  void pointerWhosePayloadWasDeletedEndsDeadLetteredAsPayloadMissing() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());
    EmailEvent large = withBody(EventFixtures.emailEvent("user-rt", "m-gone"), 200_000);
    OfficeEvent travelling = pointers.offload(large).join();
    store.delete(((EmailEvent) travelling).payloadRef().key()).join();
    publishRaw(spec.topic(), codec.encode(travelling), EventAttributes.of(travelling, null));
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);

    runtime.start(binding(spec, handler));

    await().atMost(PATIENCE).until(() -> deadLetters.messages().size() == 1);
    PubsubMessage dead = deadLetters.messages().get(0);
    assertThat(dead.getAttributesOrThrow(EventAttributes.ERROR_CLASS)).isEqualTo("payload_missing");
    assertThat(dead.getAttributesOrThrow("error_delivery_attempt")).isEqualTo("5");
    assertThat(handler.calls()).isEmpty();
    deadLetters.close();
  }

  @Test
  void stoppingAndRestartingDuringAStreamOfAThousandHandlesEveryMessage() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    Set<String> handled = ConcurrentHashMap.newKeySet();
    EventHandler<EmailEvent> handler =
        new EventHandler<>() {
          @Override
          public EventType type() {
            return EventType.EMAIL;
          }

          @Override
          public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
            return Mono.delay(Duration.ofMillis(2))
                .doOnNext(tick -> handled.add(event.providerItemId()))
                .thenReturn(Outcome.done());
          }
        };
    runtime.start(binding(spec, handler));
    publishEmails(spec.topic(), 0, 500);
    await().atMost(PATIENCE).until(() -> handled.size() >= 100);

    runtime.stop();
    int handledWhenStopped = handled.size();
    publishEmails(spec.topic(), 500, 1000);
    runtime = newRuntime();
    runtime.start(binding(spec, handler));

    await().atMost(PATIENCE).until(() -> handled.size() == 1000);
    assertThat(handledWhenStopped).isBetween(100, 500);
  }

  private void publishEmails(String topic, int from, int to) {
    List<CompletableFuture<String>> published =
        IntStream.range(from, to)
            .mapToObj(i -> publisher.publish(topic, EventFixtures.emailEvent("u", "m" + i)))
            .toList();
    CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).join();
  }

  @Test
  void rawHandlerGetsGmailNotificationsAndItsPermanentFailuresAreDeadLettered() {
    SubscriptionSpec spec = isolated(Topics.GMAIL_PUSH);
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    MessageHandler handler =
        new MessageHandler() {
          @Override
          public String subscription() {
            return spec.name();
          }

          @Override
          public Mono<Outcome> handle(PubsubMessage message, Delivery delivery) {
            String data = message.getData().toStringUtf8();
            received.add(data);
            return data.contains("historyId")
                ? Mono.just(Outcome.done())
                : Mono.error(new PermanentEventException("not a Gmail notification"));
          }
        };
    runtime.start(spec, handler);
    EmulatorPubSub.Collector deadLetters = pubSub.collect(spec.deadLetterSubscription());

    publishRaw(spec.topic(), "{\"emailAddress\":\"ana@example.com\",\"historyId\":42}", Map.of());
    publishRaw(spec.topic(), "{}", Map.of());

    await().atMost(PATIENCE).until(() -> deadLetters.messages().size() == 1);
    assertThat(received).contains("{\"emailAddress\":\"ana@example.com\",\"historyId\":42}");
    assertThat(deadLetters.messages().get(0).getAttributesOrThrow(EventAttributes.ERROR_REASON))
        .isEqualTo("permanent: not a Gmail notification");
    deadLetters.close();
  }

  @Test
  void handlerSeesTheTraceOfThePublishingSpan() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    AtomicReference<String> currentTraceInHandler = new AtomicReference<>();
    RecordingHandler<EmailEvent> handler =
        new RecordingHandler<>(
            EventType.EMAIL,
            (event, delivery) -> {
              currentTraceInHandler.set(Span.current().getSpanContext().getTraceId());
              return Outcome.done();
            });
    runtime.start(binding(spec, handler));
    Span request = otel.getTracer("test").spanBuilder("request").startSpan();

    try (Scope ignored = request.makeCurrent()) {
      publisher.publish(spec.topic(), EventFixtures.emailEvent("user-rt", "m-trace")).join();
    } finally {
      request.end();
    }

    await().atMost(PATIENCE).until(() -> handler.calls().size() == 1);
    SpanData publishSpan =
        spans.all().stream()
            .filter(s -> s.getName().equals(spec.topic() + " publish"))
            .findFirst()
            .orElseThrow();
    RecordingHandler.Call<EmailEvent> call = handler.calls().get(0);
    assertThat(call.delivery().span().getTraceId()).isEqualTo(publishSpan.getTraceId());
    assertThat(call.event().metadata().traceId()).isEqualTo(publishSpan.getTraceId());
    assertThat(currentTraceInHandler.get()).isEqualTo(publishSpan.getTraceId());
    assertThat(call.event().metadata().spanId()).isEqualTo(publishSpan.getSpanId());
    assertThat(call.event().metadata().parentSpanId())
        .isEqualTo(request.getSpanContext().getSpanId());
  }

  @Test
  void handlerLinesCarryTheTraceOnTheThreadsTheHandlerContinuesOn() {
    SubscriptionSpec spec = isolated(Topics.EMAILS);
    Logger handlerLog = LoggerFactory.getLogger(HANDLER_LOG);
    EventHandler<EmailEvent> handler =
        new EventHandler<>() {
          @Override
          public EventType type() {
            return EventType.EMAIL;
          }

          @Override
          public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
            return Mono.delay(Duration.ofMillis(5))
                .doOnNext(tick -> handlerLog.info("handled after a hop"))
                .thenReturn(Outcome.done());
          }
        };
    Hooks.enableAutomaticContextPropagation(); // as services-common sets it in every service
    try (CapturedLogs logs = CapturedLogs.of(HANDLER_LOG)) {
      runtime.start(binding(spec, handler));

      publisher.publish(spec.topic(), EventFixtures.emailEvent("user-rt", "m-log")).join();

      await().atMost(PATIENCE).until(() -> !logs.events().isEmpty());
      String traceId =
          spans.all().stream()
              .filter(s -> s.getName().equals(spec.topic() + " publish"))
              .findFirst()
              .orElseThrow()
              .getTraceId();
      assertThat(logs.inTrace(traceId, "handled after a hop"))
          .singleElement()
          .satisfies(line -> assertThat(line.getThreadName()).startsWith("parallel"));
    } finally {
      Hooks.disableAutomaticContextPropagation();
    }
  }

  private ConsumerRuntime newRuntime() {
    return new ConsumerRuntime(
        pubSub.subscribers(4, 1000),
        pubSub.publisher(),
        codec,
        pointers,
        tracing,
        new ConsumerSettings(Duration.ofSeconds(10)));
  }

  private SubscriptionSpec isolated(String topic) {
    return pubSub.isolated(
        Catalog.subscriptions().stream()
            .filter(s -> s.topic().equals(topic))
            .findFirst()
            .orElseThrow());
  }

  private static SubscriptionBinding binding(SubscriptionSpec spec, EventHandler<?> handler) {
    return SubscriptionBinding.of(spec, List.of(handler));
  }

  private void publishRaw(String topic, String data, Map<String, String> attributes) {
    publishRaw(topic, data.getBytes(StandardCharsets.UTF_8), attributes);
  }

  private void publishRaw(String topic, byte[] data, Map<String, String> attributes) {
    pubSub
        .publisher()
        .publish(
            topic,
            PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(data))
                .putAllAttributes(attributes)
                .build())
        .join();
  }

  private String invalidEmailJson() {
    String json =
        new String(
            codec.encode(EventFixtures.emailEvent("user-rt", "m-bad")), StandardCharsets.UTF_8);
    return json.replaceFirst("\"received_date\":\"[^\"]+\",", "");
  }

  private static EmailEvent withBody(EmailEvent event, int size) {
    return event.withPayload(event.email().withBody("b".repeat(size)));
  }
}
