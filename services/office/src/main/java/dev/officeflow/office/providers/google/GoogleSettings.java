package dev.officeflow.office.providers.google;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the office service calls Google ({@code officeflow.office.google.*}).
 *
 * @param rootUrl the APIs' root URL with a trailing slash ({@code GOOGLE_API_ROOT_URL}); default
 *     Google's, {@code https://www.googleapis.com/}; the local profile's is google-sim's, {@code
 *     http://127.0.0.1:8090/}
 * @param requestTimeout connect and read timeout of one request; default 10 s
 * @param retries retries of a failed request (429, rate-limit 403, 5xx, timeouts); default 3
 * @param retryBackoff the first retry's delay, doubled each time, with ±50 % jitter; default 1 s
 * @param maxRetryBackoff the longest delay between retries; default 10 s
 * @param threads the bounded pool the blocking clients run on; default 64
 * @param gmailPageSize ids per {@code messages.list} page; default 500 (Gmail's maximum)
 * @param batchSize {@code messages.get} calls per batch request; default 100 (Google's maximum)
 * @param calendarPageSize events per {@code events.list} page; default 250
 * @param bodies fetch messages in {@code full} format, with bodies, when the scope allows; default
 *     false ({@code metadata}: headers only, same quota cost, far less to transfer)
 * @param calendars which calendars the backfill and streaming read: {@code all} (default: every
 *     calendar on the user's calendar list whose events we may read, i.e. not {@code
 *     freeBusyReader}), {@code owned} (those the user owns) or {@code primary} (the primary one
 *     alone, without a {@code calendarList} call); the primary calendar is in every selection
 */
@ConfigurationProperties("officeflow.office.google")
public record GoogleSettings(
    @DefaultValue("https://www.googleapis.com/") String rootUrl,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("3") int retries,
    @DefaultValue("1s") Duration retryBackoff,
    @DefaultValue("10s") Duration maxRetryBackoff,
    @DefaultValue("64") int threads,
    @DefaultValue("500") int gmailPageSize,
    @DefaultValue("100") int batchSize,
    @DefaultValue("250") int calendarPageSize,
    @DefaultValue("false") boolean bodies,
    @DefaultValue("all") String calendars) {

  public GoogleSettings {
    rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
    if (batchSize < 1 || batchSize > 100) {
      throw new IllegalArgumentException("batch-size must be 1..100 (Google's limit)");
    }
    if (gmailPageSize < 1 || gmailPageSize > 500) {
      throw new IllegalArgumentException("gmail-page-size must be 1..500 (Gmail's limit)");
    }
  }
}
