package dev.officeflow.vespaloader.feed;

import dev.officeflow.runtime.consume.InfrastructureFailures;
import dev.officeflow.runtime.consume.Outcome;

/**
 * Vespa answered a request with an error, or could not be reached ({@code status} 0). Carries what
 * was asked so the reason in a retry or dead-letter says which document or group.
 */
public final class VespaException extends RuntimeException {

  private final int status;

  public VespaException(String target, int status, String message) {
    super(target + ": " + (status == 0 ? "" : "status " + status + ": ") + message);
    this.status = status;
  }

  public VespaException(String target, Throwable cause) {
    super(target + ": " + cause, cause);
    this.status = 0;
  }

  /** The HTTP status, 0 when there was no response. */
  public int status() {
    return status;
  }

  /**
   * True when repeating the request cannot help: Vespa rejected it as malformed (400) or too large
   * (413). Everything else (429, 5xx, timeouts, no connection) may pass later.
   */
  public boolean permanent() {
    return isPermanent(status);
  }

  static boolean isPermanent(int status) {
    return status == 400 || status == 413;
  }

  /**
   * True when Vespa could not be reached or is overloaded (no answer, 429, 502, 503, 504, 507): the
   * runtime holds the message through the outage instead of spending its deliveries.
   */
  public boolean outage() {
    return InfrastructureFailures.isOutageStatus(status);
  }

  /** The outcome for this failure: unavailable during an outage, else dead letter or retry. */
  public Outcome outcome() {
    return outcome(status, getMessage());
  }

  /** How an answer of {@code status} (0: none) settles; {@code reason} says what was asked. */
  static Outcome outcome(int status, String reason) {
    if (isPermanent(status)) {
      return Outcome.deadLetter("vespa_rejected: " + reason);
    }
    return InfrastructureFailures.isOutageStatus(status)
        ? Outcome.unavailable("vespa_unavailable: " + reason)
        : Outcome.retry("vespa_failed: " + reason);
  }
}
