package dev.officeflow.notifier.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the notifier reads ({@code officeflow.notifier.feed.*}).
 *
 * @param coalesceInterval how often a user's backfill items and VIP candidate changes are told, as
 *     counts (default 1 s): a backfill publishes hundreds of items a second per user, a page needs
 *     to know only that they arrive
 * @param createSubscriptions whether the instance creates the shared {@code notifier-<topic>}
 *     subscriptions (and their dead-letter topics) when missing (default false: they are the
 *     catalog's, created by setup-pubsub and Terraform like every other, and a production service
 *     account may not create any; tests and ./dev apply the catalog too)
 * @param retention how long the shared subscriptions keep an unread message (default 10 min, the
 *     least Pub/Sub allows): a notification older than the buffer is worth nothing
 */
@ConfigurationProperties("officeflow.notifier.feed")
public record FeedSettings(
    @DefaultValue("1s") Duration coalesceInterval,
    @DefaultValue("false") boolean createSubscriptions,
    @DefaultValue("10m") Duration retention) {

  public FeedSettings {
    if (coalesceInterval.compareTo(Duration.ofMillis(50)) < 0) {
      throw new IllegalArgumentException(
          "officeflow.notifier.feed.coalesce-interval must be at least 50 ms");
    }
    if (retention.compareTo(Duration.ofMinutes(10)) < 0
        || retention.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("officeflow.notifier.feed.retention must be 10 min..7 d");
    }
  }
}
