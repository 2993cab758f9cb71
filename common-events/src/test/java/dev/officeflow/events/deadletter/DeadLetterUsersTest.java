package dev.officeflow.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventAttributes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterUsersTest {

  @Test
  void anEventNamesItsUserInItsSubjectAndItsJson() {
    assertThat(DeadLetterUsers.of(DeadLetters.of("m1", "u1", "invalid: x"))).containsExactly("u1");
  }

  @Test
  void everyIdTheMessageCarriesCounts() {
    DeadLetter message =
        DeadLetters.raw(
            "m1",
            Map.of(EventAttributes.SUBJECT, "u-attr"),
            "{\"body\":{\"user_id\":\"nested-ignored\"},\"metadata\":{\"user_id\":\"u-meta\"},"
                + "\"user_id\":\"u-top\"}");

    assertThat(DeadLetterUsers.of(message)).containsExactly("u-attr", "u-meta", "u-top");
  }

  @Test
  void aReferenceEventWithoutAttributesIsFoundByItsJson() {
    assertThat(DeadLetterUsers.of(DeadLetters.raw("m1", Map.of(), "{\"user_id\":\"u1\"}")))
        .containsExactly("u1");
  }

  @Test
  void dataThatIsNotJsonNamesOnlyTheSubject() {
    assertThat(DeadLetterUsers.of(DeadLetters.raw("m1", Map.of(), "[[[[[[[[[[[[[[[[[["))).isEmpty();
    assertThat(
            DeadLetterUsers.of(
                DeadLetters.raw("m1", Map.of(EventAttributes.SUBJECT, "u1"), "not json")))
        .containsExactly("u1");
  }

  @Test
  void idsBeforeABreakInTheJsonStillCount() {
    assertThat(DeadLetterUsers.of(DeadLetters.raw("m1", Map.of(), "{\"user_id\":\"u1\",\"x\":")))
        .containsExactly("u1");
  }

  @Test
  void purgingKeepsMessagesOfOtherUsersAndOfNoUser() {
    DeadLetterScan.Visitor purge = DeadLetterUsers.purging(java.util.Set.of("u1"));

    assertThat(purge.visit(DeadLetters.of("a", "u1", "invalid")))
        .isEqualTo(DeadLetterScan.Decision.ACK);
    assertThat(purge.visit(DeadLetters.of("b", "u10", "invalid")))
        .isEqualTo(DeadLetterScan.Decision.KEEP);
    assertThat(purge.visit(DeadLetters.raw("c", Map.of(), "garbage")))
        .isEqualTo(DeadLetterScan.Decision.KEEP);
  }
}
