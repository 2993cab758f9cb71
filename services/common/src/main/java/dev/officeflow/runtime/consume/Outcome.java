package dev.officeflow.runtime.consume;

/**
 * How a delivery ends (ARCHITECTURE §5): acked (done, duplicate, stale, skipped, forgotten), nacked
 * for a retry, held while a dependency is unavailable, or dead-lettered with its reason.
 *
 * @param action what the runtime does with the message
 * @param reason why, short and machine-readable first ({@code duplicate}, {@code payload_missing:
 *     ...})
 */
public record Outcome(Action action, String reason) {

  /** What happens to the message. */
  public enum Action {
    ACK,
    RETRY,
    /**
     * Infrastructure the handler needs (PostgreSQL, Redis, Vespa) is unreachable: the message is
     * held, not nacked, and tried again in place while its subscription takes nothing new; never
     * dead-lettered and never counted as a delivery attempt.
     */
    UNAVAILABLE,
    DEAD_LETTER
  }

  public static Outcome done() {
    return new Outcome(Action.ACK, "done");
  }

  public static Outcome duplicate() {
    return new Outcome(Action.ACK, "duplicate");
  }

  public static Outcome stale() {
    return new Outcome(Action.ACK, "stale");
  }

  public static Outcome skipped(String why) {
    return new Outcome(Action.ACK, "skipped: " + why);
  }

  /** The event's user was purged: acked without calling the handler. */
  public static Outcome forgotten() {
    return new Outcome(Action.ACK, "forgotten");
  }

  /**
   * A dependency is down (connection refused, a timeout, a 5xx from a store): hold the message and
   * retry it in place once the outage clears, instead of burning its delivery attempts.
   */
  public static Outcome unavailable(String reason) {
    return new Outcome(Action.UNAVAILABLE, reason);
  }

  public static Outcome retry(String reason) {
    return new Outcome(Action.RETRY, reason);
  }

  public static Outcome deadLetter(String reason) {
    return new Outcome(Action.DEAD_LETTER, reason);
  }
}
