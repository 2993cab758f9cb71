package dev.officeflow.runtime.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EmailEvent;
import dev.officeflow.events.EventAttributes;
import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.UserEvent;
import dev.officeflow.events.catalog.Catalog;
import dev.officeflow.events.catalog.Topics;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.consume.Outcome.Action;
import dev.officeflow.runtime.payload.InMemoryPayloadStore;
import dev.officeflow.runtime.payload.PayloadPointers;
import dev.officeflow.runtime.payload.PayloadSettings;
import dev.officeflow.runtime.testing.RecordingHandler;
import dev.officeflow.runtime.trace.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MessageProcessorTest {

  private final EventCodec codec = new EventCodec();
  private final InMemoryPayloadStore store = new InMemoryPayloadStore();
  private final PayloadPointers pointers =
      new PayloadPointers(store, codec, new PayloadSettings(1024, Duration.ofHours(1), false));

  @Test
  void messageWithoutAttributesIsTypedByItsTopicAndHandled() {
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);

    assertOutcome(processor(handler), message(encoded(), Map.of()), Action.ACK, "done");
    assertThat(handler.calls()).hasSize(1);
  }

  @Test
  void unknownCeTypeIsDeadLettered() {
    assertOutcome(
        processor(RecordingHandler.accepting(EventType.EMAIL)),
        message(encoded(), Map.of(EventAttributes.TYPE, "com.example.x.v1")),
        Action.DEAD_LETTER,
        "unknown_type: com.example.x.v1");
  }

  @Test
  void typeWithoutHandlerIsAckedAsSkipped() {
    assertOutcome(
        processor(RecordingHandler.accepting(EventType.EMAIL)),
        message("{}".getBytes(), Map.of(EventAttributes.TYPE, EventType.USER.ceType())),
        Action.ACK,
        "skipped: no handler for dev.officeflow.user.v1");
  }

  @Test
  void invalidEventIsDeadLetteredNamingTheField() {
    assertOutcome(
        processor(RecordingHandler.accepting(EventType.EMAIL)),
        message("{\"metadata\": 3}".getBytes(), Map.of()),
        Action.DEAD_LETTER,
        "invalid: metadata: wrong type, expected an object");
  }

  @Test
  void handlerErrorIsRetried() {
    RecordingHandler<EmailEvent> failing =
        new RecordingHandler<>(
            EventType.EMAIL,
            (event, delivery) -> {
              throw new IllegalStateException("database down");
            });

    assertOutcome(
        processor(failing),
        message(encoded(), Map.of()),
        Action.RETRY,
        "IllegalStateException: database down");
  }

  @Test
  void permanentHandlerFailureIsDeadLettered() {
    assertOutcome(
        processor(erroring(new PermanentEventException("vespa said 400: no field 'x' in email"))),
        message(encoded(), Map.of()),
        Action.DEAD_LETTER,
        "permanent: vespa said 400: no field 'x' in email");
  }

  @Test
  void missingPayloadIsRetriedAsPayloadMissing() {
    EmailEvent large = EventFixtures.emailEvent("u1", "m1");
    large = large.withPayload(large.email().withBody("x".repeat(4000)));
    OfficeEvent travelling = pointers.offload(large).join();
    store.values().clear();

    StepVerifier.create(
            processor(RecordingHandler.accepting(EventType.EMAIL))
                .process(message(codec.encode(travelling), Map.of()), 1))
        .assertNext(
            outcome -> {
              assertThat(outcome.action()).isEqualTo(Action.RETRY);
              assertThat(outcome.reason()).startsWith("payload_missing");
            })
        .verifyComplete();
  }

  @Test
  void eventOfAForgottenUserIsSettledAsForgottenWithoutTheHandler() {
    RecordingHandler<EmailEvent> handler = RecordingHandler.accepting(EventType.EMAIL);
    ForgottenCheck forgotten = new ForgottenCheck(new FakeForgottenUsers("u1"));

    assertOutcome(
        processor(handler, forgotten), message(encoded(), Map.of()), Action.ACK, "forgotten");
    assertThat(handler.calls()).isEmpty();
  }

  @Test
  void forgottenUserIsCheckedBeforeTheirDeletedPayloadIsLookedFor() {
    EmailEvent large = EventFixtures.emailEvent("u1", "m1");
    large = large.withPayload(large.email().withBody("x".repeat(4000)));
    OfficeEvent travelling = pointers.offload(large).join();
    store.values().clear();

    assertOutcome(
        processor(
            RecordingHandler.accepting(EventType.EMAIL),
            new ForgottenCheck(new FakeForgottenUsers("u1"))),
        message(codec.encode(travelling), Map.of()),
        Action.ACK,
        "forgotten");
  }

  @Test
  void eventWhoseMetadataNamesAForgottenUserIsForgotten() {
    EmailEvent event = EventFixtures.emailEvent("u1", "m1");
    event = (EmailEvent) event.withMetadata(EventFixtures.metadata("u-gone"));

    assertOutcome(
        processor(
            RecordingHandler.accepting(EventType.EMAIL),
            new ForgottenCheck(new FakeForgottenUsers("u-gone"))),
        message(codec.encode(event), Map.of()),
        Action.ACK,
        "forgotten");
  }

  @Test
  void thePurgeItselfReachesItsHandlerEvenForAForgottenUser() {
    RecordingHandler<UserEvent> purge = RecordingHandler.accepting(EventType.USER);
    SubscriptionBinding binding =
        SubscriptionBinding.of(
            Catalog.subscription(Catalog.CONTACTS_SERVICE, Topics.USERS), List.of(purge));
    MessageProcessor processor =
        new MessageProcessor(
            binding,
            codec,
            pointers,
            new Tracing(OpenTelemetry.noop()),
            new ForgottenCheck(new FakeForgottenUsers("u1")));

    assertOutcome(
        processor,
        message(codec.encode(EventFixtures.userEvent("u1")), Map.of()),
        Action.ACK,
        "done");
    assertThat(purge.calls()).hasSize(1);
  }

  @Test
  void aForgottenUserIsAskedAboutOnce() {
    FakeForgottenUsers record = new FakeForgottenUsers("u1");
    MessageProcessor processor =
        processor(RecordingHandler.accepting(EventType.EMAIL), new ForgottenCheck(record));

    assertOutcome(processor, message(encoded(), Map.of()), Action.ACK, "forgotten");
    assertOutcome(processor, message(encoded(), Map.of()), Action.ACK, "forgotten");
    assertThat(record.questions()).isEqualTo(1);
  }

  @Test
  void aUserNotForgottenIsAskedAboutAgain() {
    FakeForgottenUsers record = new FakeForgottenUsers();
    MessageProcessor processor =
        processor(RecordingHandler.accepting(EventType.EMAIL), new ForgottenCheck(record));

    assertOutcome(processor, message(encoded(), Map.of()), Action.ACK, "done");
    record.forget("u1").block();
    assertOutcome(processor, message(encoded(), Map.of()), Action.ACK, "forgotten");
  }

  @Test
  void anUnreachableDatabaseIsAnOutageNotARetry() {
    StepVerifier.create(
            processor(
                    erroring(
                        new DataAccessResourceFailureExceptionLike(
                            new java.net.ConnectException("Connection refused"))))
                .process(message(encoded(), Map.of()), 1))
        .assertNext(
            outcome -> {
              assertThat(outcome.action()).isEqualTo(Action.UNAVAILABLE);
              assertThat(outcome.reason()).startsWith("unavailable: ");
            })
        .verifyComplete();
  }

  @Test
  void anUnreachableRedisWhileResolvingAPointerIsAnOutage() {
    EmailEvent large = EventFixtures.emailEvent("u1", "m1");
    large = large.withPayload(large.email().withBody("x".repeat(4000)));
    OfficeEvent travelling = pointers.offload(large).join();
    store.failWith(new io.lettuce.core.RedisConnectionException("Unable to connect"));

    StepVerifier.create(
            processor(RecordingHandler.accepting(EventType.EMAIL))
                .process(message(codec.encode(travelling), Map.of()), 1))
        .assertNext(outcome -> assertThat(outcome.action()).isEqualTo(Action.UNAVAILABLE))
        .verifyComplete();
  }

  private MessageProcessor processor(EventHandler<?> handler) {
    return processor(handler, ForgottenCheck.NOBODY);
  }

  private MessageProcessor processor(EventHandler<?> handler, ForgottenCheck forgotten) {
    SubscriptionBinding binding =
        SubscriptionBinding.of(
            Catalog.subscription(Catalog.CONTACTS_SERVICE, Topics.EMAILS), List.of(handler));
    return new MessageProcessor(
        binding, codec, pointers, new Tracing(OpenTelemetry.noop()), forgotten);
  }

  /** Stands in for Spring's wrapper of a driver's connection failure. */
  private static final class DataAccessResourceFailureExceptionLike extends RuntimeException {
    DataAccessResourceFailureExceptionLike(Throwable cause) {
      super("Failed to obtain R2DBC Connection", cause);
    }
  }

  private static EventHandler<EmailEvent> erroring(RuntimeException error) {
    BiFunction<EmailEvent, Delivery, Outcome> answer =
        (event, delivery) -> {
          throw error;
        };
    return new EventHandler<>() {
      @Override
      public EventType type() {
        return EventType.EMAIL;
      }

      @Override
      public Mono<Outcome> handle(EmailEvent event, Delivery delivery) {
        return Mono.fromSupplier(() -> answer.apply(event, delivery));
      }
    };
  }

  private byte[] encoded() {
    return codec.encode(EventFixtures.emailEvent("u1", "m1"));
  }

  private static PubsubMessage message(byte[] data, Map<String, String> attributes) {
    return PubsubMessage.newBuilder()
        .setMessageId("msg-1")
        .setData(ByteString.copyFrom(data))
        .putAllAttributes(attributes)
        .build();
  }

  private static void assertOutcome(
      MessageProcessor processor, PubsubMessage message, Action action, String reason) {
    StepVerifier.create(processor.process(message, 1))
        .expectNext(new Outcome(action, reason))
        .verifyComplete();
  }
}
