package dev.officeflow.runtime.deadletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service purges a forgotten user's dead letters ({@code officeflow.dead-letters.purge.*}).
 *
 * @param enabled purge when a user is forgotten (true)
 * @param passes scans per user (2): the second, {@code confirm-after} later, finds what another
 *     reader (an operator's {@code list}, another instance's purge) held during the first
 * @param confirmAfter the wait before the next pass (2m)
 * @param firstBackoff the wait after the first failed pass (1s), doubled after each further one
 * @param maxBackoff the longest wait between failed passes (5m); they are retried without end
 * @param batchSize messages per pull (50)
 * @param scanDeadline the longest one subscription's scan may take (2m); a scan cut short counts as
 *     failed and is retried
 */
@ConfigurationProperties("officeflow.dead-letters.purge")
public record DeadLetterPurgeSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("2") int passes,
    @DefaultValue("2m") Duration confirmAfter,
    @DefaultValue("1s") Duration firstBackoff,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("50") int batchSize,
    @DefaultValue("2m") Duration scanDeadline) {

  public static final DeadLetterPurgeSettings DEFAULTS =
      new DeadLetterPurgeSettings(
          true,
          2,
          Duration.ofMinutes(2),
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          50,
          Duration.ofMinutes(2));

  public DeadLetterPurgeSettings {
    if (passes < 1) {
      throw new IllegalArgumentException("officeflow.dead-letters.purge.passes must be >= 1");
    }
  }

  /** The wait before retrying after {@code failures} failed passes in a row. */
  Duration backoff(int failures) {
    Duration wait = firstBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }
}
