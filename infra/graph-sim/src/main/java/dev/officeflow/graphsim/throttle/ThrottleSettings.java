package dev.officeflow.graphsim.throttle;

import java.time.Duration;

/**
 * Outlook's limits per app and mailbox, as Graph documents them for mail, calendar and contacts:
 * 10,000 requests in 10 minutes and 4 concurrent requests.
 *
 * @param requestsPer10Minutes the budget; it refills continuously at this many per 600 s
 * @param burstRequests what a fresh (or long idle) app and mailbox may spend at once: the budget's
 *     capacity. Defaults to {@code requestsPer10Minutes}; a benchmark lowers it to make the budget
 *     bind sooner.
 * @param concurrentRequests requests of one app to one mailbox in flight at once (until their
 *     answer is written, injected latency included)
 * @param enabled false lets every request through (still counted)
 */
public record ThrottleSettings(
    int requestsPer10Minutes, int burstRequests, int concurrentRequests, boolean enabled) {

  public static final int OUTLOOK_REQUESTS_PER_10_MINUTES = 10_000;
  public static final int OUTLOOK_CONCURRENT_REQUESTS = 4;
  static final double WINDOW_SECONDS = 600;

  public ThrottleSettings {
    if (requestsPer10Minutes < 1 || burstRequests < 1 || concurrentRequests < 1) {
      throw new IllegalArgumentException(
          "throttling limits must be positive whole numbers: requestsPer10Minutes="
              + requestsPer10Minutes
              + ", burstRequests="
              + burstRequests
              + ", concurrentRequests="
              + concurrentRequests);
    }
  }

  /** Graph's Outlook limits, enabled. */
  public static ThrottleSettings defaults() {
    return new ThrottleSettings(
        OUTLOOK_REQUESTS_PER_10_MINUTES,
        OUTLOOK_REQUESTS_PER_10_MINUTES,
        OUTLOOK_CONCURRENT_REQUESTS,
        true);
  }

  /** A new budget, with the burst equal to it (set a smaller burst after this). */
  public ThrottleSettings withRequestsPer10Minutes(int requests) {
    return new ThrottleSettings(requests, requests, concurrentRequests, enabled);
  }

  public ThrottleSettings withBurstRequests(int burst) {
    return new ThrottleSettings(requestsPer10Minutes, burst, concurrentRequests, enabled);
  }

  public ThrottleSettings withConcurrentRequests(int concurrent) {
    return new ThrottleSettings(requestsPer10Minutes, burstRequests, concurrent, enabled);
  }

  public ThrottleSettings withEnabled(boolean on) {
    return new ThrottleSettings(requestsPer10Minutes, burstRequests, concurrentRequests, on);
  }

  /** The refill rate in requests per second. */
  public double ratePerSecond() {
    return requestsPer10Minutes / WINDOW_SECONDS;
  }

  /**
   * The least time one app needs to make {@code requests} calls to one mailbox from a full budget:
   * {@code max(0, requests - burst) / rate}. Benchmarks compare against it.
   */
  public Duration minimumTime(long requests) {
    double seconds = Math.max(0, requests - burstRequests) / ratePerSecond();
    return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
  }

  /**
   * The least time for {@code requests} calls of one app to one mailbox when each answer takes
   * {@code latency}: the larger of the budget's bound ({@link #minimumTime(long)}) and the
   * concurrency's, {@code requests × latency / concurrentRequests} (what a benchmark's pacing is
   * measured against).
   */
  public Duration minimumTime(long requests, Duration latency) {
    Duration concurrency = latency.multipliedBy(requests).dividedBy(concurrentRequests);
    Duration budget = minimumTime(requests);
    return budget.compareTo(concurrency) >= 0 ? budget : concurrency;
  }
}
