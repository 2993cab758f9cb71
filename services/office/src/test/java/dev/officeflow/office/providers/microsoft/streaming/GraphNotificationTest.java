package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphNotificationTest {

  @Test
  void readsTheSubscriptionTheClientStateAndTheLifecycleEventOfEach() {
    String body =
        """
        {"value": [
          {"subscriptionId": "s1", "clientState": "secret", "changeType": "created",
           "resource": "Users/u/Messages/m1", "resourceData": {"id": "m1"}},
          {"subscriptionId": "s2", "clientState": "other", "lifecycleEvent": "missed"},
          {"clientState": "no id"}
        ]}
        """;

    assertThat(GraphNotification.parse(body.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(
            new GraphNotification("s1", "secret", null),
            new GraphNotification("s2", "other", "missed"));
  }

  @Test
  void aNotificationWithoutClientStateIsReadWithNone() {
    String body = "{\"value\": [{\"subscriptionId\": \"s1\", \"changeType\": \"updated\"}]}";

    assertThat(GraphNotification.parse(body.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new GraphNotification("s1", null, null));
  }

  @Test
  void aBodyThatIsNotACollectionIsRefused() {
    assertThatThrownBy(
            () -> GraphNotification.parse("{\"id\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphNotification.parse("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphNotification.parse(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
