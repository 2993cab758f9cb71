package dev.officeflow.contacts.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contact outbox's relay ({@code officeflow.contacts.outbox.*}).
 *
 * @param relay whether this instance publishes the outbox at all; default true (false leaves the
 *     rows to other instances, or in the table for a test that reads them)
 * @param pollInterval how often the relay looks for rows it was not told about (written by another
 *     instance, left by a crash) and refreshes the depth metrics; default 1 s. Rows this instance
 *     writes are relayed as soon as their transaction committed
 * @param batchSize rows claimed and published per round, at most one per contact; default 500
 * @param publishTimeout how long a publish may take before it counts as failed (the row stays and
 *     the relay backs off; a publish that still succeeds later is a duplicate with the same event
 *     id, which consumers drop); default 10 s
 * @param initialBackoff the pause after the first failed round; doubled after each further one;
 *     default 1 s
 * @param maxBackoff the longest pause while Pub/Sub keeps failing; default 30 s
 */
@ConfigurationProperties("officeflow.contacts.outbox")
record OutboxSettings(
    @DefaultValue("true") boolean relay,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("10s") Duration publishTimeout,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("30s") Duration maxBackoff) {

  OutboxSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("officeflow.contacts.outbox.batch-size must be positive");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "officeflow.contacts.outbox: max-backoff must be at least initial-backoff");
    }
  }
}
