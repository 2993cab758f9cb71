package dev.officeflow.office.quota;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Google's per-user limits and how much of them the office service spends ({@code
 * officeflow.office.quota.*}). The model is Google's as google-sim enforces it: one token bucket
 * per user and API, refilled at {@code limit / 60} per second, holding {@code burst} worth of that
 * rate.
 *
 * @param gmailUnitsPerMinute Gmail units per user per minute; default 6,000 (new projects; older
 *     projects have 15,000)
 * @param calendarRequestsPerMinute Calendar requests per user per minute; default 600
 * @param burst how much of the rate Google's bucket holds when full; default 10 s
 * @param rateUtilisation the share of the rate spent; default 0.97, so a little slack absorbs
 *     timing differences between our bucket and Google's
 * @param burstUtilisation the share of the burst spent; default 0.9: the margin covers requests
 *     that reach Google later than they were paced (about 1 s of delay at the default rates)
 * @param keyPrefix Redis key prefix of the buckets; default {@code office:quota:}
 */
@ConfigurationProperties("officeflow.office.quota")
public record QuotaSettings(
    @DefaultValue("6000") int gmailUnitsPerMinute,
    @DefaultValue("600") int calendarRequestsPerMinute,
    @DefaultValue("10s") Duration burst,
    @DefaultValue("0.97") double rateUtilisation,
    @DefaultValue("0.9") double burstUtilisation,
    @DefaultValue("office:quota:") String keyPrefix) {

  public QuotaSettings {
    if (gmailUnitsPerMinute <= 0 || calendarRequestsPerMinute <= 0) {
      throw new IllegalArgumentException("quota limits must be positive");
    }
    if (rateUtilisation <= 0
        || rateUtilisation > 1
        || burstUtilisation < 0
        || burstUtilisation > 1) {
      throw new IllegalArgumentException("utilisations must be in (0, 1]");
    }
  }

  /** Google's refill rate for {@code api}, per second. */
  public double limitPerSecond(QuotaApi api) {
    int perMinute = api == QuotaApi.GMAIL ? gmailUnitsPerMinute : calendarRequestsPerMinute;
    return perMinute / 60.0;
  }

  /** The rate this service spends, per second. */
  public double ratePerSecond(QuotaApi api) {
    return limitPerSecond(api) * rateUtilisation;
  }

  /** The bucket capacity this service uses. */
  public double capacity(QuotaApi api) {
    return limitPerSecond(api) * burst.toNanos() / 1e9 * burstUtilisation;
  }
}
