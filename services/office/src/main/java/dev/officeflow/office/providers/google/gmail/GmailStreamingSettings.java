package dev.officeflow.office.providers.google.gmail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gmail streaming ({@code officeflow.office.streaming.gmail.*}).
 *
 * @param enabled whether the office watches mailboxes after their backfill; default true
 * @param topic the topic Gmail publishes to, {@code projects/P/topics/T}; default empty: the
 *     catalog's {@code gmail-push} (with the Pub/Sub prefix) in the configured GCP project
 * @param pollInterval a user's history is read at least this often even without notifications (a
 *     dropped notification is caught by then); default 10 min
 * @param renewalInterval how often each watch is renewed, by the streaming reconciler (Google asks
 *     for at least every 7 days); default 1 day
 * @param tickInterval how often this instance looks for due polls; default 30 s
 * @param tickBatch at most this many polls claimed per tick; default 200
 * @param historyPageSize history records per {@code history.list} page; default 500 (Gmail's
 *     maximum)
 * @param publishConcurrency events of one history read published at once; default 64
 */
@ConfigurationProperties("officeflow.office.streaming.gmail")
public record GmailStreamingSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String topic,
    @DefaultValue("10m") Duration pollInterval,
    @DefaultValue("1d") Duration renewalInterval,
    @DefaultValue("30s") Duration tickInterval,
    @DefaultValue("200") int tickBatch,
    @DefaultValue("500") int historyPageSize,
    @DefaultValue("64") int publishConcurrency) {

  public GmailStreamingSettings {
    if (historyPageSize < 1 || historyPageSize > 500) {
      throw new IllegalArgumentException("history-page-size must be 1..500 (Gmail's limit)");
    }
    if (tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException("tick-interval must be positive");
    }
  }
}
