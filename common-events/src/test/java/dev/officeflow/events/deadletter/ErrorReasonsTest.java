package dev.officeflow.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorReasonsTest {

  @Test
  void aReasonGroupsByItsCode() {
    assertThat(ErrorReasons.prefix("invalid: email.received_date: missing")).isEqualTo("invalid");
    assertThat(ErrorReasons.prefix("too_large: 9437184 bytes")).isEqualTo("too_large");
    assertThat(ErrorReasons.prefix("payload_missing")).isEqualTo("payload_missing");
  }

  @Test
  void freeTextAndAbsentReasonsHaveBoundedNames() {
    assertThat(ErrorReasons.prefix(null)).isEqualTo(ErrorReasons.UNKNOWN);
    assertThat(ErrorReasons.prefix(" ")).isEqualTo(ErrorReasons.UNKNOWN);
    assertThat(ErrorReasons.prefix("Connection refused by host")).isEqualTo(ErrorReasons.OTHER);
    assertThat(ErrorReasons.prefix("x".repeat(41) + ": long")).isEqualTo(ErrorReasons.OTHER);
  }

  @Test
  void whatPubSubsOwnPolicyDeadLetteredIsADeliveryLimit() {
    DeadLetter message =
        DeadLetters.raw(
            "m1",
            Map.of(DeadLetter.PUBSUB_SOURCE_SUBSCRIPTION, "projects/p/subscriptions/s"),
            "{}");

    assertThat(message.reasonPrefix()).isEqualTo(DeadLetter.DELIVERY_LIMIT);
    assertThat(message.sourceSubscription()).contains("projects/p/subscriptions/s");
    assertThat(
            DeadLetters.raw("m2", Map.of(EventAttributes.ERROR_REASON, "invalid: x"), "{}")
                .reasonPrefix())
        .isEqualTo("invalid");
  }
}
