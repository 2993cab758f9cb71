package dev.officeflow.contacts.purge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How purges are retried ({@code officeflow.contacts.purge.*}).
 *
 * @param attempts tries of a purge within one delivery of its {@code UserEvent} before the delivery
 *     is nacked (redelivered); default 4
 * @param retryBackoff the first pause between those tries, doubled each time; default 500 ms
 * @param sweepInterval how often the sweeper finishes purges that are still pending (their event
 *     dead-lettered, settled as forgotten on a redelivery, or lost with a crash); default 1 min
 * @param sweepMinAge how old a pending purge must be before the sweeper takes it, so it does not
 *     race the delivery purging right now (harmless, only wasted); default 1 min
 */
@ConfigurationProperties("officeflow.contacts.purge")
record PurgeSettings(
    @DefaultValue("4") int attempts,
    @DefaultValue("500ms") Duration retryBackoff,
    @DefaultValue("1m") Duration sweepInterval,
    @DefaultValue("1m") Duration sweepMinAge) {

  PurgeSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("officeflow.contacts.purge.attempts must be positive");
    }
  }
}
