package dev.officeflow.office.providers.google.contacts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Address-book streaming ({@code officeflow.office.streaming.contacts.*}): People has no push, so
 * each user's lists are polled by sync token.
 *
 * @param enabled poll address books after their backfill; default true
 * @param interval how long after a poll the next one is due; default 15 min. The streaming
 *     reconciler runs the due polls at its own {@code interval} (30 s), so a poll may come that
 *     much later.
 */
@ConfigurationProperties("officeflow.office.streaming.contacts")
public record ContactsStreamingSettings(
    @DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration interval) {

  public ContactsStreamingSettings {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
  }
}
