package dev.officeflow.office.providers.microsoft.streaming;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft streaming ({@code officeflow.office.streaming.microsoft.*}).
 *
 * @param enabled stream Microsoft mailboxes after their backfill; default true
 * @param webhookBaseUrl the office's public base URL Graph posts to ({@code
 *     <base>/webhooks/microsoft/notifications} and {@code .../lifecycle}; Graph requires HTTPS);
 *     required in production ({@code OFFICE_PUBLIC_URL})
 * @param lifetime the expiry asked for a subscription; Graph allows at most 10,080 minutes for
 *     Outlook resources; default 3 days
 * @param renewBefore a subscription is renewed ({@code PATCH}) when it expires within this; default
 *     1 day, so a renewal that fails has two days of retries before anything is missed
 * @param pageSize items per delta page ({@code Prefer: odata.maxpagesize}); default 100
 * @param mailWindow message delta reads the mail received since the backfill's start less this
 *     ({@code $filter} on {@code receivedDateTime}); default 30 days, the backfill's window
 * @param calendarBack the calendar delta's window starts this long before the backfill; default 30
 *     days
 * @param calendarAhead and ends this long after it; default 30 days
 * @param calendarShift the calendar view's window moves forward (a round over the new window
 *     replaces its delta) once "now" has moved this far past the window's anchor; default 1 day, so
 *     the window always reaches at least {@code calendar-ahead} less a day ahead
 * @param catchUpMargin the first round publishes what changed since the backfill's start less this,
 *     for clock skew; default 5 min
 * @param pollInterval the safety-net delta round of every resource, for notifications that never
 *     arrived (and were not reported {@code missed}), run by the reconciler; default 15 min
 * @param lease how long a delta or subscription lease holds without being released; default 2 min
 * @param roundBackoff after a delta round fails (its requests' own retries spent), the resource's
 *     next round waits this long, doubled with each further failure, with ±50 % jitter, and never
 *     less than Graph's {@code Retry-After}; default 30 s
 * @param maxRoundBackoff the longest such wait; default 15 min (the safety-net poll's interval)
 * @param instanceId this instance's name in leases; default host, pid and a random suffix
 */
@ConfigurationProperties("officeflow.office.streaming.microsoft")
public record MicrosoftStreamingSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String webhookBaseUrl,
    @DefaultValue("3d") Duration lifetime,
    @DefaultValue("1d") Duration renewBefore,
    @DefaultValue("100") int pageSize,
    @DefaultValue("30d") Duration mailWindow,
    @DefaultValue("30d") Duration calendarBack,
    @DefaultValue("30d") Duration calendarAhead,
    @DefaultValue("1d") Duration calendarShift,
    @DefaultValue("5m") Duration catchUpMargin,
    @DefaultValue("15m") Duration pollInterval,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("30s") Duration roundBackoff,
    @DefaultValue("15m") Duration maxRoundBackoff,
    @DefaultValue("") String instanceId) {

  /** Graph's longest subscription for Outlook resources. */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10_080);

  public MicrosoftStreamingSettings {
    webhookBaseUrl =
        webhookBaseUrl.endsWith("/")
            ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1)
            : webhookBaseUrl;
    if (lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("lifetime must be at most 10,080 minutes (Graph's limit)");
    }
    if (renewBefore.compareTo(lifetime) >= 0) {
      throw new IllegalArgumentException("renew-before must be shorter than lifetime");
    }
    for (Duration d : new Duration[] {calendarShift, roundBackoff, maxRoundBackoff}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("calendar-shift and round backoffs must be positive");
      }
    }
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("page-size must be 1..1000");
    }
  }

  String notificationUrl() {
    return webhookBaseUrl + NotificationWebhook.NOTIFICATIONS;
  }

  String lifecycleUrl() {
    return webhookBaseUrl + NotificationWebhook.LIFECYCLE;
  }
}
