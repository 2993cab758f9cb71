package dev.officeflow.vespaloader.purge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How vespa-loader forgets a user ({@code officeflow.vespa-loader.purge.*}).
 *
 * @param secondPassAfter how long after the first removal the user's groups are emptied again
 *     (default 60 s). A data event whose forgotten check passed just before the purge recorded the
 *     user can still be written after the first removal: the check's answer may be {@code
 *     not-forgotten-for} old, and the write then takes at most {@code feed.operation-timeout}. The
 *     second pass comes later than both together, so it removes whatever such a write left; it must
 *     be at least their sum (checked at start), the default leaves 28 s of margin over the default
 *     30 s + 2 s for the feed client's own queue
 * @param notForgottenFor how long an answer "not forgotten" is reused before Vespa is asked again
 *     (default 2 s); a "forgotten" answer is kept for good
 */
@ConfigurationProperties("officeflow.vespa-loader.purge")
public record PurgeSettings(
    @DefaultValue("60s") Duration secondPassAfter, @DefaultValue("2s") Duration notForgottenFor) {

  public PurgeSettings {
    if (secondPassAfter.isNegative() || notForgottenFor.isNegative()) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.purge.second-pass-after and not-forgotten-for must not be negative");
    }
  }

  /**
   * Refuses a second pass that could come before a write in flight lands.
   *
   * @param operationTimeout {@code officeflow.vespa-loader.feed.operation-timeout}
   */
  void requireSecondPassAfterWritesInFlight(Duration operationTimeout) {
    Duration latestWrite = operationTimeout.plus(notForgottenFor);
    if (secondPassAfter.compareTo(latestWrite) < 0) {
      throw new IllegalArgumentException(
          "officeflow.vespa-loader.purge.second-pass-after ("
              + secondPassAfter
              + ") must be at least feed.operation-timeout + purge.not-forgotten-for ("
              + latestWrite
              + "): a write that passed the forgotten check can land that late after a purge");
    }
  }
}
