package dev.officeflow.office.providers.google.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar streaming ({@code officeflow.office.streaming.calendar.*}).
 *
 * @param enabled stream calendars after their backfill; default true
 * @param webhookBaseUrl the office's public base URL Google posts notifications to (the webhook is
 *     {@code <base>/webhooks/google/calendar}; Google requires HTTPS); required in production, the
 *     local profile's is the local office, {@code http://127.0.0.1:8082}
 * @param channelLifetime the expiration asked for a new channel (Google caps it); default 7 days
 * @param renewBefore a channel is replaced when it expires within this; default 1 day
 * @param overlap how long an old channel stays open next to its replacement; default 2 min
 * @param pollInterval the safety-net incremental listing of every calendar, for notifications that
 *     never arrived; default 15 min
 * @param tickInterval how often renewals, stops and due listings are looked for; default 30 s
 * @param lease how long a sync or channel lease holds without being released; default 2 min
 * @param catchUpMargin the first listing reads events updated since the backfill started minus
 *     this, for clock skew between Google and the database; default 5 min
 * @param instanceId this instance's name in leases; default host, pid and a random suffix
 */
@ConfigurationProperties("officeflow.office.streaming.calendar")
public record CalendarStreamingSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String webhookBaseUrl,
    @DefaultValue("7d") Duration channelLifetime,
    @DefaultValue("1d") Duration renewBefore,
    @DefaultValue("2m") Duration overlap,
    @DefaultValue("15m") Duration pollInterval,
    @DefaultValue("30s") Duration tickInterval,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("5m") Duration catchUpMargin,
    @DefaultValue("") String instanceId) {

  public CalendarStreamingSettings {
    webhookBaseUrl =
        webhookBaseUrl.endsWith("/")
            ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1)
            : webhookBaseUrl;
    if (renewBefore.compareTo(channelLifetime) >= 0) {
      throw new IllegalArgumentException("renew-before must be shorter than channel-lifetime");
    }
  }

  /** The address channels are opened with. */
  String webhookAddress() {
    return webhookBaseUrl + CalendarWebhook.PATH;
  }
}
