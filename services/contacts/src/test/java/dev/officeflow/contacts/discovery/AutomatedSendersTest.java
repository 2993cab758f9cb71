package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.contacts.address.Addresses;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomatedSendersTest {

  @Test
  void listAndBulkHeadersMarkAMessageAutomated() {
    assertThat(AutomatedSenders.automatedHeaders(Map.of("List-Unsubscribe", "<mailto:x@y>")))
        .isTrue();
    assertThat(AutomatedSenders.automatedHeaders(Map.of("Precedence", "bulk"))).isTrue();
    assertThat(AutomatedSenders.automatedHeaders(Map.of("Auto-Submitted", "auto-generated")))
        .isTrue();
  }

  @Test
  void ordinaryHeadersDoNot() {
    assertThat(AutomatedSenders.automatedHeaders(Map.of("Auto-Submitted", "no", "X-Mailer", "x")))
        .isFalse();
  }

  @Test
  void noReplyNotificationAndDaemonAddressesAreAutomated() {
    for (String a :
        new String[] {
          "no-reply@x.test",
          "noreply@github.test",
          "notifications@x.test",
          "MAILER-DAEMON@x.test",
          "do_not_reply@bank.test"
        }) {
      assertThat(AutomatedSenders.automatedAddress(Addresses.normalize(a).orElseThrow()))
          .as(a)
          .isTrue();
    }
    assertThat(AutomatedSenders.automatedAddress(Addresses.normalize("nora@x.test").orElseThrow()))
        .isFalse();
  }
}
