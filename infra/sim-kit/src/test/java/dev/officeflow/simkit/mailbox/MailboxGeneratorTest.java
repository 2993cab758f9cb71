package dev.officeflow.simkit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.calendar.EventRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxGeneratorTest {

  private static final Instant ANCHOR = Instant.parse("2026-11-20T12:00:00Z");
  private static final String OWNER = "alice@acme.test";

  private static GeneratedMailbox generate(MailboxSpec spec) {
    return MailboxGenerator.generate(OWNER, "Alice Example", spec, ANCHOR);
  }

  @Test
  void theSameSeedGivesTheSameMailboxByteForByte() {
    GeneratedMailbox a = generate(new MailboxSpec(7, 300, 100, 50, 10));
    GeneratedMailbox b = generate(new MailboxSpec(7, 300, 100, 50, 10));

    assertThat(a.messages())
        .extracting(MailMessage::id)
        .isEqualTo(b.messages().stream().map(MailMessage::id).toList());
    assertThat(Rfc822.render(a.messages().get(123).root()))
        .isEqualTo(Rfc822.render(b.messages().get(123).root()));
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.closestContacts(20)).isEqualTo(b.closestContacts(20));
  }

  @Test
  void aDifferentSeedGivesADifferentMailbox() {
    assertThat(generate(new MailboxSpec(7, 50, 10, 5, 1)).messages().get(0).id())
        .isNotEqualTo(generate(new MailboxSpec(8, 50, 10, 5, 1)).messages().get(0).id());
  }

  @Test
  void exactlyTheRecentCountFallsInsideTheLast30Days() {
    GeneratedMailbox box = generate(new MailboxSpec(3, 777, 223, 0, 0));
    Instant windowStart = ANCHOR.minus(Duration.ofDays(30));

    long inside =
        box.messages().stream().filter(m -> m.internalDate().isAfter(windowStart)).count();
    long margin =
        box.messages().stream()
            .filter(
                m ->
                    Duration.between(windowStart, m.internalDate()).abs().toHours()
                        < MailboxSpec.MARGIN_HOURS)
            .count();

    assertThat(box.messages()).hasSize(1000);
    assertThat(inside).isEqualTo(777);
    assertThat(margin).isZero();
    assertThat(box.messages())
        .allSatisfy(
            m -> assertThat(m.internalDate()).isBetween(ANCHOR.minus(Duration.ofDays(60)), ANCHOR));
  }

  @Test
  void repliesComeAfterTheMessagesTheyAnswerAndShareTheThread() {
    GeneratedMailbox box = generate(new MailboxSpec(5, 400, 100, 0, 0));

    var byThread = box.messages().stream().collect(Collectors.groupingBy(MailMessage::threadId));

    assertThat(byThread.values()).anySatisfy(t -> assertThat(t).hasSizeGreaterThan(3));
    byThread.forEach((threadId, msgs) -> assertThat(msgs.get(0).id()).isEqualTo(threadId));
    assertThat(box.messages())
        .filteredOn(m -> m.root().header("In-Reply-To").isPresent())
        .allSatisfy(m -> assertThat(m.root().header("Subject").orElseThrow()).startsWith("Re: "));
  }

  @Test
  void theMailboxHasTheAwkwardPartsOfRealMail() {
    GeneratedMailbox box = generate(new MailboxSpec(11, 1500, 500, 0, 0));
    List<MailMessage> all = box.messages();

    assertThat(all).anySatisfy(m -> assertThat(m.sizeEstimate()).isGreaterThan(1 << 20));
    assertThat(all).anySatisfy(m -> assertThat(m.root().header("List-Unsubscribe")).isPresent());
    assertThat(all).anySatisfy(m -> assertThat(m.root().header("Precedence")).contains("bulk"));
    assertThat(all).anySatisfy(m -> assertThat(m.root().header("Precedence")).contains("list"));
    assertThat(all)
        .anySatisfy(m -> assertThat(m.root().header("Auto-Submitted")).contains("auto-generated"));
    assertThat(all).anySatisfy(m -> assertThat(m.root().header("Cc")).isPresent());
    assertThat(all).anySatisfy(m -> assertThat(rawHeader(m, "From")).contains("=?UTF-8?B?"));
    assertThat(all)
        .anySatisfy(
            m ->
                assertThat(m.root().header("From").orElseThrow())
                    .matches("^\"[^\"]*,[^\"]*\" <.*"));
    assertThat(all)
        .anySatisfy(m -> assertThat(m.root().header("From").orElseThrow()).contains("\\\""));
    assertThat(all)
        .anySatisfy(
            m ->
                assertThat(m.root().header("From").orElseThrow())
                    .containsPattern("[^\\x00-\\x7F]"));
    assertThat(all).anySatisfy(m -> assertThat(m.labelIds()).contains("SENT"));
    assertThat(all).anySatisfy(m -> assertThat(m.root().mimeType()).isEqualTo("multipart/mixed"));
  }

  @Test
  void theCalendarHasMeetingsAllDaySeriesAndCancellations() {
    List<EventRecord> events = generate(new MailboxSpec(13, 100, 0, 200, 50)).events();

    assertThat(events).hasSize(250);
    assertThat(events).anySatisfy(e -> assertThat(e.start().isAllDay()).isTrue());
    assertThat(events).anySatisfy(e -> assertThat(e.isRecurring()).isTrue());
    assertThat(events).anySatisfy(e -> assertThat(e.isCancelled()).isTrue());
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e.attendees())
                    .extracting("responseStatus")
                    .contains("accepted", "declined"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theGroundTruthClosestTwentyAreThePlantedInnerCircle(long seed) {
    GeneratedMailbox box = generate(new MailboxSpec(seed, 2000, 500, 500, 100));

    Set<Integer> planted =
        box.closestContacts(20).stream().map(ContactRank::plantedRank).collect(Collectors.toSet());
    long inner = planted.stream().filter(r -> r < 20).count();

    assertThat(inner).isGreaterThanOrEqualTo(18);
    assertThat(box.closestContacts(20)).allSatisfy(c -> assertThat(c.sent()).isPositive());
    assertThat(box.closestContacts(20)).allSatisfy(c -> assertThat(c.received()).isPositive());
  }

  private static String rawHeader(MailMessage m, String name) {
    return m.root().headers().stream()
        .filter(h -> h.name().equals(name))
        .map(Header::raw)
        .findFirst()
        .orElse("");
  }
}
