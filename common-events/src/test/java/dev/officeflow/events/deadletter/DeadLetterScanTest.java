package dev.officeflow.events.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.deadletter.DeadLetterScan.Decision;
import dev.officeflow.events.deadletter.DeadLetterScan.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadLetterScanTest {

  private final AtomicLong clock = new AtomicLong();
  private final InMemoryDeadLetters subscription = new InMemoryDeadLetters(clock::get);
  private final Limits limits = Limits.DEFAULTS.withBatchSize(2);

  private DeadLetterScan scan() {
    return new DeadLetterScan(subscription, limits, clock::get);
  }

  private void add(int count, String user) {
    for (int i = 0; i < count; i++) {
      subscription.add(DeadLetters.of(user + "-" + i, user, "invalid: broken"));
    }
  }

  @Test
  void everyMessageIsSeenOnceAndWhatIsKeptIsReleased() {
    add(5, "u1");
    List<String> visited = new ArrayList<>();

    DeadLetterScan.Result result =
        scan()
            .scan(
                "s",
                message -> {
                  visited.add(message.messageId());
                  return Decision.KEEP;
                });

    assertThat(visited).containsExactly("u1-0", "u1-1", "u1-2", "u1-3", "u1-4");
    assertThat(result).isEqualTo(new DeadLetterScan.Result(5, 0, java.util.Optional.empty()));
    assertThat(subscription.available()).hasSize(5);
  }

  @Test
  void purgingAUserAcksOnlyTheirMessages() {
    add(3, "u1");
    add(4, "u2");

    DeadLetterScan.Result result = scan().scan("s", DeadLetterUsers.purging(Set.of("u1")));

    assertThat(result.acked()).isEqualTo(3);
    assertThat(result.complete()).isTrue();
    assertThat(subscription.remaining()).containsExactly("u2-0", "u2-1", "u2-2", "u2-3");
    assertThat(subscription.available()).hasSize(4);
  }

  @Test
  void stopKeepsTheRestOfTheBatch() {
    add(4, "u1");

    DeadLetterScan.Result result =
        scan().scan("s", m -> m.messageId().equals("u1-0") ? Decision.STOP : Decision.ACK);

    assertThat(result.complete()).isTrue();
    assertThat(result.seen()).isEqualTo(1);
    assertThat(subscription.available()).hasSize(4);
  }

  @Test
  void aScanEndsIncompleteAtItsDeadline() {
    add(6, "u1");

    DeadLetterScan.Result result =
        scan()
            .scan(
                "s",
                message -> {
                  clock.addAndGet(Duration.ofMinutes(2).toNanos());
                  return Decision.KEEP;
                });

    assertThat(result.complete()).isFalse();
    assertThat(result.incomplete().orElseThrow()).contains("deadline");
    assertThat(result.seen()).isEqualTo(3);
  }

  @Test
  void aScanEndsIncompleteAfterMaxMessages() {
    add(5, "u1");

    DeadLetterScan.Result result =
        new DeadLetterScan(subscription, limits.withMaxMessages(3), clock::get)
            .scan("s", message -> Decision.KEEP);

    assertThat(result.incomplete()).isPresent();
    assertThat(result.seen()).isBetween(3, 4);
    assertThat(subscription.available()).hasSize(5);
  }

  @Test
  void aFailingVisitorStillAcksWhatItTookAndReleasesTheRest() {
    add(2, "u1");

    assertThatThrownBy(
            () ->
                scan()
                    .scan(
                        "s",
                        message -> {
                          if (message.messageId().equals("u1-1")) {
                            throw new IllegalStateException("publish failed");
                          }
                          return Decision.ACK;
                        }))
        .hasMessage("publish failed");

    assertThat(subscription.remaining()).containsExactly("u1-1");
    assertThat(subscription.available()).containsExactly("u1-1");
  }

  @Test
  void aTooLargeResponseFallsBackToSingleMessagesAndSaysSomeWereMissed() {
    add(4, "u1");
    subscription.failLargeResponses(1);

    DeadLetterScan.Result result = scan().scan("s", message -> Decision.KEEP);

    assertThat(result.seen()).isEqualTo(2);
    assertThat(result.incomplete().orElseThrow()).contains("too large");
    clock.addAndGet(Duration.ofSeconds(11).toNanos());
    assertThat(subscription.available()).hasSize(4);
  }

  @Test
  void messagesKeptLongerThanHalfTheHoldAreHeldAgain() {
    add(6, "u1");

    scan()
        .scan(
            "s",
            message -> {
              clock.addAndGet(Duration.ofSeconds(11).toNanos());
              return Decision.KEEP;
            });

    assertThat(subscription.available()).hasSize(6);
    assertThat(subscription.requested()).hasSize(4 + DeadLetterScan.EMPTY_PULLS_TO_STOP);
  }

  @Test
  void multiMegabyteMessagesArePulledOneAtATime() {
    byte[] threeMegabytes = new byte[3 * 1024 * 1024];
    for (int i = 0; i < 3; i++) {
      subscription.add(
          new DeadLetter(
              "big-" + i,
              "",
              java.util.Map.of(),
              threeMegabytes,
              java.time.Instant.parse("2026-12-06T10:00:00Z")));
    }

    DeadLetterScan.Result result =
        new DeadLetterScan(subscription, Limits.DEFAULTS, clock::get)
            .scan("s", message -> Decision.KEEP);

    assertThat(result.seen()).isEqualTo(3);
    assertThat(subscription.requested()).containsOnly(1);
  }

  @Test
  void smallMessagesArePulledInFullBatchesAfterTheFirst() {
    add(250, "u1");

    DeadLetterScan.Result result =
        new DeadLetterScan(subscription, Limits.DEFAULTS, clock::get)
            .scan("s", message -> Decision.KEEP);

    assertThat(result.seen()).isEqualTo(250);
    assertThat(subscription.requested().subList(0, 4)).containsExactly(1, 100, 100, 100);
  }
}
