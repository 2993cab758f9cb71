package dev.officeflow.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.EventType;
import dev.officeflow.runtime.consume.SubscriptionBinding;
import dev.officeflow.runtime.testing.RecordingHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

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
                RecordingHandler.accepting(EventType.USER)));

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
            null, "office", "", List.of(RecordingHandler.accepting(EventType.TODO)));

    assertThatThrownBy(lifecycle::bindings).hasMessage("no subscription of office on todos");
  }

  @Test
  void prefixNamesEveryTopicAndSubscriptionButKeepsTheTopicType() {
    HandlerLifecycle lifecycle =
        new HandlerLifecycle(
            null, "contacts", "t1-", List.of(RecordingHandler.accepting(EventType.CALENDAR)));

    SubscriptionBinding binding = lifecycle.bindings().get(0);
    assertThat(binding.spec().name()).isEqualTo("t1-contacts-calendars");
    assertThat(binding.spec().topic()).isEqualTo("t1-calendars");
    assertThat(binding.spec().deadLetterTopic()).isEqualTo("t1-contacts-calendars-dead-letter");
    assertThat(binding.topicType()).isEqualTo(EventType.CALENDAR);
  }
}
