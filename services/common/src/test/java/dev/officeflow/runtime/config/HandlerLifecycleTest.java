package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.pubsub.v1.PubsubMessage;
import dev.officeflow.events.EventType;
import dev.officeflow.runtime.consume.Delivery;
import dev.officeflow.runtime.consume.MessageHandler;
import dev.officeflow.runtime.consume.Outcome;
import dev.officeflow.runtime.consume.SubscriptionBinding;
import dev.officeflow.runtime.testing.RecordingHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class HandlerLifecycleTest {

  @Test
  void handlersAreBoundToTheirServiceSubscriptionOfTheirTopic() {
    HandlerLifecycle lifecycle =
        new HandlerLifecycle(
            null,
            "vespa-loader",
            "",
            List.of(
                RecordingHandler.accepting(EventType.EMAIL),
                RecordingHandler.accepting(EventType.USER)),
            List.of());

    assertThat(lifecycle.bindings())
        .extracting(b -> b.spec().name())
        .containsExactly("vespa-loader-emails", "vespa-loader-users");
    assertThat(lifecycle.bindings())
        .extracting(SubscriptionBinding::topicType)
        .containsExactly(EventType.EMAIL, EventType.USER);
  }

  @Test
  void handlerForATopicTheServiceDoesNotSubscribeToFailsAtStartup() {
    HandlerLifecycle lifecycle =
        new HandlerLifecycle(
            null, "office", "", List.of(RecordingHandler.accepting(EventType.TODO)), List.of());

    assertThatThrownBy(lifecycle::bindings).hasMessage("no subscription of office on todos");
  }

  @Test
  void prefixNamesEveryTopicAndSubscriptionButKeepsTheTopicType() {
    HandlerLifecycle lifecycle =
        new HandlerLifecycle(
            null,
            "contacts",
            "t1-",
            List.of(RecordingHandler.accepting(EventType.CALENDAR)),
            List.of());

    SubscriptionBinding binding = lifecycle.bindings().get(0);
    assertThat(binding.spec().name()).isEqualTo("t1-contacts-calendars");
    assertThat(binding.spec().topic()).isEqualTo("t1-calendars");
    assertThat(binding.spec().deadLetterTopic()).isEqualTo("t1-contacts-calendars-dead-letter");
    assertThat(binding.topicType()).isEqualTo(EventType.CALENDAR);
  }

  @Test
  void rawHandlerMustNameOneOfTheServicesOwnSubscriptions() {
    MessageHandler pushes = raw("office-gmail-push");
    MessageHandler foreign = raw("contacts-emails");

    assertThat(lifecycle("office", pushes).subscription(pushes).topic()).isEqualTo("gmail-push");
    assertThatThrownBy(() -> lifecycle("office", foreign).subscription(foreign))
        .hasMessage("no subscription contacts-emails of office");
  }

  private static HandlerLifecycle lifecycle(String consumer, MessageHandler handler) {
    return new HandlerLifecycle(null, consumer, "", List.of(), List.of(handler));
  }

  private static MessageHandler raw(String subscription) {
    return new MessageHandler() {
      @Override
      public String subscription() {
        return subscription;
      }

      @Override
      public Mono<Outcome> handle(PubsubMessage message, Delivery delivery) {
        return Mono.just(Outcome.done());
      }
    };
  }
}
