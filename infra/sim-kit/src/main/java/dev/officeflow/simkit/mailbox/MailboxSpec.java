package dev.officeflow.simkit.mailbox;

/**
 * What to generate for one account. Message times are spread over the last {@link #SPAN_DAYS} days
 * before the anchor: exactly {@code recentMessages} fall inside the last {@link #WINDOW_DAYS} days
 * (at least {@link #MARGIN_HOURS} hours inside each edge, so a window computed a little later still
 * holds them all) and {@code olderMessages} before that.
 *
 * @param seed same seed (and anchor) → same mailbox, byte for byte
 * @param events event resources whose first occurrence lies in the office window (30 days back, 2
 *     days ahead)
 * @param olderEvents event resources 31 to 60 days back
 */
public record MailboxSpec(
    long seed, int recentMessages, int olderMessages, int events, int olderEvents) {

  public static final int WINDOW_DAYS = 30;
  public static final int SPAN_DAYS = 60;
  public static final int MARGIN_HOURS = 6;

  public MailboxSpec {
    if (recentMessages < 0 || olderMessages < 0 || events < 0 || olderEvents < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** A small mailbox for quick tests: 120 recent + 40 older messages, 30 + 10 events. */
  public static MailboxSpec small(long seed) {
    return new MailboxSpec(seed, 120, 40, 30, 10);
  }

  public int totalMessages() {
    return recentMessages + olderMessages;
  }
}
