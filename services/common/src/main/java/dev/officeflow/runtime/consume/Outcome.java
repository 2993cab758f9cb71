package dev.officeflow.runtime.consume;

/**
 * How a delivery ends (ARCHITECTURE §5): acked (done, duplicate, stale, skipped), nacked for a
 * retry, or dead-lettered with its reason.
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

  public static Outcome retry(String reason) {
    return new Outcome(Action.RETRY, reason);
  }

  public static Outcome deadLetter(String reason) {
    return new Outcome(Action.DEAD_LETTER, reason);
  }
}
