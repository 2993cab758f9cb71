package dev.officeflow.office.providers.microsoft;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the office service calls Microsoft Graph ({@code officeflow.office.microsoft.*}).
 *
 * @param graphUrl Graph's root the SDK is pointed at, without a trailing slash ({@code
 *     MICROSOFT_GRAPH_URL}); default Graph's own, {@code https://graph.microsoft.com/v1.0}; the
 *     local profile's is graph-sim's, {@code http://127.0.0.1:8091/v1.0}
 * @param requestTimeout the whole call's timeout (connect, write, read); default 10 s
 * @param retries retries of a failed call (429, 503 and other 5xx, timeouts); default 3
 * @param retryBackoff the first retry's delay, doubled each time, with ±50 % jitter; default 1 s;
 *     never shorter than Graph's {@code Retry-After}
 * @param maxRetryBackoff the longest delay of our own between retries; default 10 s
 * @param threads the bounded pool the blocking SDK runs on; default 64
 * @param mailPageSize messages per page ({@code $top}); default 100, at most 1,000 (Graph's limit)
 * @param calendarPageSize events per {@code calendarView} page; default 100, at most 1,000
 * @param contactsPageSize contacts per page; default 100, at most 1,000
 * @param concurrentRequests Graph calls in flight per mailbox across every office instance
 *     (backfill and streaming together); default 4, Graph's limit for Outlook resources per app and
 *     mailbox
 * @param concurrencyLease how long a call's slot is held at most: a process that dies mid-call
 *     frees it then; default 30 s, and longer than {@code request-timeout}, so a live call never
 *     loses its slot
 */
@ConfigurationProperties("officeflow.office.microsoft")
public record MicrosoftSettings(
    @DefaultValue("https://graph.microsoft.com/v1.0") String graphUrl,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("3") int retries,
    @DefaultValue("1s") Duration retryBackoff,
    @DefaultValue("10s") Duration maxRetryBackoff,
    @DefaultValue("64") int threads,
    @DefaultValue("100") int mailPageSize,
    @DefaultValue("100") int calendarPageSize,
    @DefaultValue("100") int contactsPageSize,
    @DefaultValue("4") int concurrentRequests,
    @DefaultValue("30s") Duration concurrencyLease) {

  /** Graph's largest {@code $top}. */
  public static final int MAX_PAGE_SIZE = 1000;

  public MicrosoftSettings {
    if (concurrentRequests < 1) {
      throw new IllegalArgumentException("concurrent-requests must be at least 1");
    }
    if (concurrencyLease.compareTo(requestTimeout) <= 0) {
      throw new IllegalArgumentException("concurrency-lease must be longer than request-timeout");
    }
    graphUrl = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
    for (int size : new int[] {mailPageSize, calendarPageSize, contactsPageSize}) {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("page sizes must be 1..1000 (Graph's $top limit)");
      }
    }
  }

  /** The host the SDK may send the user's token to: Graph's, or the stand-in's. */
  public String graphHost() {
    return URI.create(graphUrl).getHost();
  }
}
