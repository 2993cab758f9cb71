package dev.officeflow.notifier.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stream tickets ({@code officeflow.notifier.ticket.*}).
 *
 * @param ttl how long a ticket opens streams (default 60 s): long enough for the page to connect
 *     and for EventSource's automatic reconnects after a short drop, short enough that a ticket
 *     copied from a URL is worth little. Within it the same user may use it any number of times;
 *     after it the stream answers 401 and the page asks for a new one with its JWT.
 * @param maxPerUser how many unexpired tickets one user may hold at once (default 20), so that a
 *     token holder cannot fill Redis with tickets
 */
@ConfigurationProperties("officeflow.notifier.ticket")
public record TicketSettings(
    @DefaultValue("60s") Duration ttl, @DefaultValue("20") int maxPerUser) {

  public TicketSettings {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("officeflow.notifier.ticket.ttl must be 1 s..1 h");
    }
    if (maxPerUser < 1) {
      throw new IllegalArgumentException("officeflow.notifier.ticket.max-per-user must be >= 1");
    }
  }
}
