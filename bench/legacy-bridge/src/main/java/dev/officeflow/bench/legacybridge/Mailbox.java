package dev.officeflow.bench.legacybridge;

import dev.officeflow.events.Email;
import dev.officeflow.events.EventMetadata;
import dev.officeflow.events.legacy.EmailBackfillEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Legacy backfill batches as the reference's office service writes them ({@code
 * EmailBackfillEvent}, its JSON through the legacy records), of mail of a realistic size: a body of
 * about {@code bodyBytes} of plain text, three recipients, labels and a few headers. Seeded, so
 * every run publishes the same mail.
 */
final class Mailbox {

  private static final String[] WORDS = {
    "quarterly", "plan", "draft", "review", "budget", "meeting", "agenda", "customer", "launch",
    "thanks", "attached", "please", "schedule", "update", "contract", "invoice", "team", "notes",
    "follow", "up", "tomorrow", "office", "project", "deadline", "travel", "report", "numbers",
    "call", "question", "summary", "design", "release"
  };
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

  private final int bodyBytes;
  private final SplittableRandom random = new SplittableRandom(25);

  Mailbox(int bodyBytes) {
    this.bodyBytes = bodyBytes;
  }

  /** Legacy batch {@code batch} of user {@code user}: {@code size} emails, ids unique per batch. */
  EmailBackfillEvent batch(String user, int batch, int size) {
    List<Email> emails =
        IntStream.range(0, size).mapToObj(i -> email(user + "-" + batch + "-" + i)).toList();
    EventMetadata metadata =
        new EventMetadata(
            UUID.randomUUID().toString(),
            Instant.now(),
            "office-service",
            "1.0.0",
            hex(32),
            hex(16),
            null,
            "req-" + batch,
            user,
            "backfill-" + user,
            Map.of());
    return new EmailBackfillEvent(
        metadata, user, "gmail", emails, size, "backfill", null, null, "INBOX", null, batch * size);
  }

  Email email(String providerId) {
    Instant received = START.plusSeconds(random.nextInt(10_000_000));
    return new Email(
        "gmail_" + providerId,
        "thread-" + providerId.hashCode(),
        sentence(8),
        body(),
        "ana.alvarez@example.com",
        List.of("bo.berg@example.org", "cy.chen@example.net"),
        List.of("dee.diaz@example.com"),
        List.of(),
        received,
        received.minusSeconds(3),
        List.of("INBOX", "CATEGORY_UPDATES", "IMPORTANT"),
        random.nextBoolean(),
        false,
        false,
        "gmail",
        providerId,
        (long) bodyBytes + 1800,
        "multipart/alternative",
        Map.of(
            "List-Id", "<team.example.com>", "Message-ID", "<" + providerId + "@mail.example.com>"),
        Map.of("ana.alvarez@example.com", "Ana Álvarez"));
  }

  private String body() {
    StringBuilder body = new StringBuilder(bodyBytes + 16);
    while (body.length() < bodyBytes) {
      body.append(sentence(12)).append(random.nextInt(6) == 0 ? "\n\n" : " ");
    }
    return body.toString();
  }

  private String sentence(int words) {
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
      sentence.append(i == words - 1 ? "." : " ");
    }
    return sentence.toString();
  }

  private String hex(int digits) {
    StringBuilder hex = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return hex.toString();
  }
}
