package dev.officeflow.notifier.ticket;

import java.time.Instant;

/**
 * A stream ticket as issued to its user.
 *
 * @param ticket the opaque value for {@code GET /v1/stream?ticket=}
 * @param expiresAt after this the ticket opens no stream
 */
public record Ticket(String ticket, Instant expiresAt) {

  @Override
  public String toString() {
    // A record would print the ticket; a log line of this value must not.
    return "Ticket[expiresAt=" + expiresAt + "]";
  }
}
