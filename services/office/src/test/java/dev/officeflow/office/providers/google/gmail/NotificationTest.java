package dev.officeflow.office.providers.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class NotificationTest {

  private static Notification parse(String json) {
    return Notification.parse(ByteString.copyFromUtf8(json));
  }

  @Test
  void readsGmailsNotification() {
    assertThat(parse("{\"emailAddress\":\"ana@acme.test\",\"historyId\":9876543210}"))
        .isEqualTo(new Notification("ana@acme.test", 9876543210L));
  }

  @Test
  void acceptsTheHistoryIdAsANumericString() {
    assertThat(parse("{\"emailAddress\":\"ana@acme.test\",\"historyId\":\"42\"}").historyId())
        .isEqualTo(42);
  }

  @Test
  void refusesDataThatIsNotJson() {
    assertThatThrownBy(() -> parse("hello")).hasMessageStartingWith("not JSON");
  }

  @Test
  void refusesANotificationWithoutAnAddress() {
    assertThatThrownBy(() -> parse("{\"historyId\":1}")).hasMessage("emailAddress missing");
  }

  @Test
  void refusesAHistoryIdThatIsNoPositiveInteger() {
    assertThatThrownBy(() -> parse("{\"emailAddress\":\"a@b.test\",\"historyId\":-3}"))
        .hasMessageStartingWith("historyId");
  }
}
