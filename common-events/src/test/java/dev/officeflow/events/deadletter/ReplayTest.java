package dev.officeflow.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTest {

  private final List<Replay.Replayed> reported = new ArrayList<>();
  private final List<Map<String, String>> published = new ArrayList<>();

  private String publish(String topic, Map<String, String> attributes, byte[] data) {
    published.add(attributes);
    return "new-" + published.size();
  }

  @Test
  void aReplayedMessageLosesItsErrorAttributesAndCountsTheReplay() {
    Map<String, String> attributes = new HashMap<>(DeadLetters.of("m1", "u1", "x").attributes());
    attributes.put(DeadLetter.REPLAY_COUNT, "2");
    attributes.put("CloudPubSubDeadLetterSourceDeliveryCount", "5");

    Map<String, String> replayed = Replay.attributes(DeadLetters.raw("m1", attributes, "{}"));

    assertThat(replayed)
        .containsEntry(EventAttributes.SUBJECT, "u1")
        .containsEntry(DeadLetter.REPLAY_COUNT, "3")
        .doesNotContainKeys(
            EventAttributes.ERROR_REASON,
            EventAttributes.ERROR_SUBSCRIPTION,
            EventAttributes.ERROR_MESSAGE_ID,
            "CloudPubSubDeadLetterSourceDeliveryCount");
  }

  @Test
  void onlySelectedMessagesAreRepublishedAndAckedUpToTheLimit() {
    Replay replay =
        new Replay(
            "emails",
            new DeadLetterFilter(Optional.of("invalid"), Set.of()),
            2,
            Optional.of(this::publish),
            reported::add);

    assertThat(replay.visit(DeadLetters.of("a", "u1", "too_large: 9 MB")))
        .isEqualTo(DeadLetterScan.Decision.KEEP);
    assertThat(replay.visit(DeadLetters.of("b", "u1", "invalid: x")))
        .isEqualTo(DeadLetterScan.Decision.ACK);
    assertThat(replay.visit(DeadLetters.of("c", "u1", "invalid: y")))
        .isEqualTo(DeadLetterScan.Decision.ACK);
    assertThat(replay.visit(DeadLetters.of("d", "u1", "invalid: z")))
        .isEqualTo(DeadLetterScan.Decision.STOP);
    assertThat(reported).extracting(Replay.Replayed::messageId).containsExactly("b", "c");
    assertThat(published).hasSize(2);
  }

  @Test
  void aFailedPublishKeepsTheMessageAndStops() {
    Replay replay =
        new Replay(
            "emails",
            DeadLetterFilter.ALL,
            10,
            Optional.of(
                (topic, attributes, data) -> {
                  throw new IllegalStateException("NOT_FOUND: topic emails");
                }),
            reported::add);

    assertThat(replay.visit(DeadLetters.of("a", "u1", "invalid")))
        .isEqualTo(DeadLetterScan.Decision.STOP);
    assertThat(replay.failures()).isEqualTo(1);
    assertThat(reported.get(0).failure()).contains("NOT_FOUND: topic emails");
  }

  @Test
  void aDryRunPublishesNothingAndKeepsEverything() {
    Replay replay = new Replay("emails", DeadLetterFilter.ALL, 10, Optional.empty(), reported::add);

    assertThat(replay.visit(DeadLetters.of("a", "u1", "invalid")))
        .isEqualTo(DeadLetterScan.Decision.KEEP);
    assertThat(reported.get(0).replayCount()).isEqualTo(1);
    assertThat(reported.get(0).republishedAs()).isEmpty();
  }

  @Test
  void aFilterMatchesTheOriginalMessageIdToo() {
    DeadLetterFilter filter = new DeadLetterFilter(Optional.empty(), Set.of("orig-a"));

    assertThat(filter.test(DeadLetters.of("a", "u1", "invalid"))).isTrue();
    assertThat(filter.test(DeadLetters.of("b", "u1", "invalid"))).isFalse();
  }
}
